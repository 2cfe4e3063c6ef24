package io.newslens.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A report's contract with BI users: name, columns (in the order a reader sees them, partition columns
 * last, as Spark and DuckDB put them), types, meaning and partitioning. Declared once, by the capability
 * that writes the report; the writer, the tests and docs/reports.md all use it.
 */
public final class ReportSpec {
    private final String name;
    private final String description;
    private final List<Column> columns;
    private final List<String> partitionBy;

    public record Column(String name, DataType type, String description) {
    }

    private ReportSpec(String name, String description, List<Column> columns, List<String> partitionBy) {
        this.name = name;
        this.description = description;
        this.columns = List.copyOf(columns);
        this.partitionBy = List.copyOf(partitionBy);
    }

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> partitionBy() {
        return partitionBy;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public StructType schema() {
        return new StructType(columns.stream()
                .map(c -> new StructField(c.name(), c.type(), true, org.apache.spark.sql.types.Metadata.empty()))
                .toArray(StructField[]::new));
    }

    /** Differences between a DataFrame's schema and this declaration (names, order, types), empty if none. */
    public List<String> mismatches(StructType actual) {
        List<String> problems = new ArrayList<>();
        Map<String, DataType> got = new LinkedHashMap<>();
        for (StructField f : actual.fields()) {
            got.put(f.name(), f.dataType());
        }
        List<String> gotNames = new ArrayList<>(got.keySet());
        if (!gotNames.equals(columnNames())) {
            problems.add("columns " + gotNames + " but declared " + columnNames());
        }
        for (Column c : columns) {
            DataType t = got.get(c.name());
            if (t != null && !sameType(t, c.type())) {
                problems.add(c.name() + " is " + t.simpleString() + " but declared " + c.type().simpleString());
            }
        }
        return problems;
    }

    private static boolean sameType(DataType a, DataType b) {
        // Nullability of nested elements is Spark's business, not the contract's.
        return a.asNullable().equals(b.asNullable()) || a.simpleString().equals(b.simpleString());
    }

    public static final class Builder {
        private final String name;
        private final String description;
        private final List<Column> columns = new ArrayList<>();
        private final List<String> partitionBy = new ArrayList<>();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder column(String columnName, DataType type, String columnDescription) {
            columns.add(new Column(columnName, type, columnDescription));
            return this;
        }

        public Builder string(String columnName, String columnDescription) {
            return column(columnName, DataTypes.StringType, columnDescription);
        }

        public Builder partitionBy(String... names) {
            partitionBy.addAll(Arrays.asList(names));
            return this;
        }

        public ReportSpec build() {
            List<String> names = columns.stream().map(Column::name).toList();
            if (!names.containsAll(partitionBy)) {
                throw new IllegalArgumentException(name + ": partition columns " + partitionBy + " not all declared");
            }
            List<String> tail = names.subList(names.size() - partitionBy.size(), names.size());
            if (!tail.equals(partitionBy)) {
                throw new IllegalArgumentException(name + ": partition columns must be declared last, in order");
            }
            return new ReportSpec(name, description, columns, partitionBy);
        }
    }
}
