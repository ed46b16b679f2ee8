package dev.skiff.client.folder;

import dev.skiff.card.Card;
import dev.skiff.card.Templates;
import dev.skiff.card.meta.CardMetadata;
import dev.skiff.format.json.PyJsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The starter README of a repo folder: skops' default card template, with the metadata skops' {@code
 * metadata_from_config} derived from {@code config.json} ({@code library_name}, {@code tags}, {@code model_format},
 * {@code model_file}, the tabular widget's example) and the "get started" code skops' {@code add_get_started_code}
 * wrote, corrected so that it runs: the model is loaded with the types that had to be trusted, and the example's
 * columns are put back in the model's order (config.json sorts them).
 */
final class StarterCard {
    private StarterCard() {
    }

    static Card build(FolderConfig config, List<String> trustedTypes) {
        Card card = Card.fromTemplate(Templates.skops());
        CardMetadata m = card.metadata();
        m.libraryName("sklearn");
        List<String> tags = new ArrayList<>(List.of("sklearn", "skops"));
        if (config.task() != null) {
            tags.add(config.task());
        }
        m.tags(tags);
        m.put("model_format", config.modelFormat());
        m.put("model_file", config.modelFile());
        Map<String, List<Object>> example = config.exampleInputInColumnOrder();
        if (!example.isEmpty()) {
            m.structuredData(example);
        }
        card.add(Templates.SKOPS_GET_STARTED, getStarted(config, trustedTypes));
        return card;
    }

    /** Python that loads the model and predicts on the example input; the CLI equivalent with Skiff after it. */
    static String getStarted(FolderConfig config, List<String> trustedTypes) {
        String file = PyJsonWriter.quote(config.modelFile());
        StringBuilder py = new StringBuilder("```python\nimport json\nimport pandas as pd\nimport skops.io as sio\n");
        py.append("model = sio.load(").append(file);
        if (!trustedTypes.isEmpty()) {
            py.append(", trusted=[");
            for (int i = 0; i < trustedTypes.size(); i++) {
                py.append(i == 0 ? "" : ", ").append(PyJsonWriter.quote(trustedTypes.get(i)));
            }
            py.append(']');
        }
        py.append(")\n");
        py.append("with open(\"config.json\") as f:\n    config = json.load(f)\n");
        py.append("X = pd.DataFrame.from_dict(config[\"sklearn\"][\"example_input\"])[config[\"sklearn\"][\"columns\"]]\n");
        py.append("model.predict(X)\n```");
        StringBuilder trust = new StringBuilder();
        for (String t : trustedTypes) {
            trust.append(" --trust ").append(t);
        }
        return "Load the model with skops and predict on the example input of `config.json`:\n\n" + py
                + "\n\nOr on the JVM with Skiff, on a CSV with the same columns:\n\n"
                + "```bash\nskiff predict " + shellWord(config.modelFile()) + " --input rows.csv" + trust + "\n```";
    }

    private static String shellWord(String s) {
        return s.matches("[A-Za-z0-9._/+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
