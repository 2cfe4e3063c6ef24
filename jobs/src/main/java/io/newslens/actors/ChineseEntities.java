package io.newslens.actors;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese people, places and organisations from HanLP's segmenter (role-tagging HMMs over its own dictionaries,
 * inside the jar): a term tagged nr* is a person, ns* a place, nt* an organisation.
 */
public final class ChineseEntities {
    /** An entity: characters [start, end) of the text, type PER, ORG or LOC. */
    public record Span(int start, int end, String type) {
    }

    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(true).enableTranslatedNameRecognize(true).enableJapaneseNameRecognize(false)
            .enablePlaceRecognize(true).enableOrganizationRecognize(true).enableOffset(true));

    private ChineseEntities() {
    }

    public static List<Span> find(String text) {
        List<Span> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (Term t : SEGMENT.get().seg(text)) {
            String type = type(t.nature.toString());
            if (type != null && t.word.length() > 1) {
                out.add(new Span(t.offset, t.offset + t.word.length(), type));
            }
        }
        return out;
    }

    static String type(String nature) {
        if (nature.startsWith("nr")) {
            return "PER";
        }
        if (nature.startsWith("ns")) {
            return "LOC";
        }
        if (nature.startsWith("nt")) {
            return "ORG";
        }
        return null;
    }
}
