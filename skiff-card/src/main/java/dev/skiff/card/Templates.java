package dev.skiff.card;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The templates a card can start from: skops' default, an empty one, the Hub's default card, or the user's own. */
public final class Templates {
    /** What skops writes where content is still to be filled in. */
    public static final String PLACEHOLDER = "[More Information Needed]";

    private Templates() {
    }

    /** No sections. */
    public static Template empty() {
        return new Template("empty", Map.of());
    }

    /**
     * skops' default template ({@code SKOPS_TEMPLATE}), section for section: Model description (Intended uses &
     * limitations, Training Procedure with Hyperparameters and Model Plot, Evaluation Results), How to Get Started
     * with the Model, Model Card Authors, Model Card Contact, Citation.
     */
    public static Template skops() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("Model description", PLACEHOLDER);
        s.put("Model description/Intended uses & limitations", PLACEHOLDER);
        s.put("Model description/Training Procedure", PLACEHOLDER);
        s.put("Model description/Training Procedure/Hyperparameters", PLACEHOLDER);
        s.put("Model description/Training Procedure/Model Plot", PLACEHOLDER);
        s.put("Model description/Evaluation Results", PLACEHOLDER);
        s.put("How to Get Started with the Model", PLACEHOLDER);
        s.put("Model Card Authors", "This model card is written by following authors:\n\n" + PLACEHOLDER);
        s.put("Model Card Contact", "You can contact the model card authors through following channels:\n" + PLACEHOLDER);
        s.put("Citation", "Below you can find information related to citation.\n\n**BibTeX:**\n```\n" + PLACEHOLDER + "\n```");
        return new Template("skops", s);
    }

    /** The section paths of the skops template that skops fills itself. */
    public static final String SKOPS_HYPERPARAMETERS = "Model description/Training Procedure/Hyperparameters";
    public static final String SKOPS_MODEL_PLOT = "Model description/Training Procedure/Model Plot";
    public static final String SKOPS_EVALUATION = "Model description/Evaluation Results";
    public static final String SKOPS_GET_STARTED = "How to Get Started with the Model";

    /**
     * The Hugging Face Hub's default model card as a section tree: the same headings as huggingface_hub's
     * {@code modelcard_template.md} (under "Model Card for {@code modelId}"), each with a short hint in an HTML
     * comment and the placeholder.
     */
    public static Template hubDefault(String modelId) {
        String top = "Model Card for " + (modelId == null || modelId.isBlank() ? "Model ID" : modelId).replace("/", "\\/");
        Map<String, String> s = new LinkedHashMap<>();
        s.put(top, hint("A one-paragraph summary of what the model is and does."));
        String p = top + "/";
        s.put(p + "Model Details", "");
        s.put(p + "Model Details/Model Description", hint("What the model is, who made it, under which licence.")
                + "\n\n- **Developed by:** " + PLACEHOLDER + "\n- **Model type:** " + PLACEHOLDER
                + "\n- **License:** " + PLACEHOLDER);
        s.put(p + "Model Details/Model Sources [optional]", "- **Repository:** " + PLACEHOLDER);
        s.put(p + "Uses", hint("Who should use the model, for what, and who is affected by it."));
        s.put(p + "Uses/Direct Use", PLACEHOLDER);
        s.put(p + "Uses/Downstream Use [optional]", PLACEHOLDER);
        s.put(p + "Uses/Out-of-Scope Use", PLACEHOLDER);
        s.put(p + "Bias, Risks, and Limitations", PLACEHOLDER);
        s.put(p + "Bias, Risks, and Limitations/Recommendations", PLACEHOLDER);
        s.put(p + "How to Get Started with the Model", PLACEHOLDER);
        s.put(p + "Training Details", "");
        s.put(p + "Training Details/Training Data", PLACEHOLDER);
        s.put(p + "Training Details/Training Procedure", "");
        s.put(p + "Training Details/Training Procedure/Preprocessing [optional]", PLACEHOLDER);
        s.put(p + "Training Details/Training Procedure/Training Hyperparameters", PLACEHOLDER);
        s.put(p + "Training Details/Training Procedure/Speeds, Sizes, Times [optional]", PLACEHOLDER);
        s.put(p + "Evaluation", hint("How the model was evaluated, and the results."));
        s.put(p + "Evaluation/Testing Data, Factors & Metrics", "");
        s.put(p + "Evaluation/Testing Data, Factors & Metrics/Testing Data", PLACEHOLDER);
        s.put(p + "Evaluation/Testing Data, Factors & Metrics/Factors", PLACEHOLDER);
        s.put(p + "Evaluation/Testing Data, Factors & Metrics/Metrics", PLACEHOLDER);
        s.put(p + "Evaluation/Results", PLACEHOLDER);
        s.put(p + "Evaluation/Results/Summary", "");
        s.put(p + "Model Examination [optional]", PLACEHOLDER);
        s.put(p + "Environmental Impact", hint("Emissions in grams of CO2eq, hardware and hours used."));
        s.put(p + "Technical Specifications [optional]", "");
        s.put(p + "Technical Specifications [optional]/Model Architecture and Objective", PLACEHOLDER);
        s.put(p + "Technical Specifications [optional]/Compute Infrastructure", PLACEHOLDER);
        s.put(p + "Technical Specifications [optional]/Compute Infrastructure/Hardware", PLACEHOLDER);
        s.put(p + "Technical Specifications [optional]/Compute Infrastructure/Software", PLACEHOLDER);
        s.put(p + "Citation [optional]", "**BibTeX:**\n\n" + PLACEHOLDER);
        s.put(p + "Glossary [optional]", PLACEHOLDER);
        s.put(p + "More Information [optional]", PLACEHOLDER);
        s.put(p + "Model Card Authors [optional]", PLACEHOLDER);
        s.put(p + "Model Card Contact", PLACEHOLDER);
        return new Template("hub", s);
    }

    /** A template from section paths to Markdown, in the map's order. */
    public static Template fromMap(Map<String, String> sections) {
        return new Template("custom", sections);
    }

    /** A template from a Markdown file: its headings become sections, the text under each its content. */
    public static Template fromMarkdown(String markdown) {
        Card c = Card.parse(markdown);
        Map<String, String> s = new LinkedHashMap<>();
        collect(c.sections(), s);
        return new Template("markdown", s);
    }

    /** {@link #fromMarkdown(String)} of a file. */
    public static Template fromMarkdown(Path file) throws IOException {
        Card c = Card.parse(file);
        Map<String, String> s = new LinkedHashMap<>();
        collect(c.sections(), s);
        return new Template(file.getFileName().toString(), s);
    }

    private static void collect(java.util.List<Section> sections, Map<String, String> out) {
        for (Section sec : sections) {
            out.putIfAbsent(sec.path(), sec.text());
            collect(sec.subsections(), out);
        }
    }

    private static String hint(String text) {
        return "<!-- " + text + " -->";
    }
}
