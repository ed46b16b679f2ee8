"""make_card_fixtures.py - regenerate skiff-card/src/test/resources/cards/ with the real Python libraries.

Run from the repository root:  .venv/bin/python interop/tools/make_card_fixtures.py

Writes, for Skiff's JUnit tests (which must not need Python):

* ``<name>.md``           model cards written by skops (``Card(...).save``), by huggingface_hub
                          (``ModelCard.from_template``, ``ModelCard(...).save``, ``metadata_save``) and by hand
                          (realistic Hub cards: comments, setext headings, CRLF/CR line breaks, a BOM, ...).
* ``<name>.expect.json``  what Python makes of that file: ``metadata_load`` (tagged values, see below), the
                          body huggingface_hub keeps (``card.text``), the detected line break, the eval results
                          and model name of ``ModelCardData``, the section paths skops' ``parse_modelcard``
                          (pandoc) finds, and the text huggingface_hub writes back (``card.content``).
* ``yaml/cases.json``     YAML snippets with ``yaml.safe_load``'s result (or its error) and ``yaml.dump`` of that
                          result; plus Python values with their ``yaml.dump`` text.
* ``tables.json``         skops ``TableSection`` renderings (PrettyTable MARKDOWN style) of tricky tables.

Tagged values keep Python's types through JSON: ``{"t": "int", "v": "12"}``, ``{"t": "float", "v": repr}``,
``{"t": "str"|"bool"|"null"|"date"|"datetime"|"bytes"|"list"|"map"|"set", ...}``; maps are lists of [key, value].

The files are committed; CI never runs this. Re-running with the pinned .venv reproduces them.
"""
from __future__ import annotations

import base64
import datetime
import json
import math
import sys
from pathlib import Path

import yaml
from huggingface_hub import EvalResult, ModelCard, ModelCardData
from huggingface_hub.repocard import _detect_line_ending, metadata_eval_result, metadata_load, metadata_save

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "skiff-card" / "src" / "test" / "resources" / "cards"


# --------------------------------------------------------------------------------------------------------------
# tagged JSON
# --------------------------------------------------------------------------------------------------------------

def tag(v):
    if v is None:
        return {"t": "null"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": repr(v)}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, datetime.datetime):
        return {"t": "datetime", "v": v.isoformat(" ")}
    if isinstance(v, datetime.date):
        return {"t": "date", "v": v.isoformat()}
    if isinstance(v, bytes):
        return {"t": "bytes", "v": base64.b64encode(v).decode()}
    if isinstance(v, (list, tuple)):
        return {"t": "list", "v": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "map", "v": [[tag(k), tag(x)] for k, x in v.items()]}
    if isinstance(v, (set, frozenset)):
        return {"t": "set", "v": [tag(x) for x in v]}
    raise TypeError(type(v))


def write_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------------------------
# YAML corpus
# --------------------------------------------------------------------------------------------------------------

YAML_SNIPPETS = {
    "bool_words": "a: [yes, No, on, OFF, true, False, y, n]",
    "norwegian": "language:\n- en\n- no\n- nb",
    "version_float": "version: 1.10\nother: 1.0\nthree: 3.",
    "exponents": "a: 1e5\nb: 1.0e5\nc: 1.0e+5\nd: 1.5E-3\ne: .5\nf: 1_000.25",
    "ints": "a: 0x1F\nb: 0o17\nc: 017\nd: 08\ne: 1_000\nf: 0b101\ng: -0\nh: +12\ni: 123456789012345678901234567890",
    "sexagesimal": "a: 1:20\nb: 190:20:30\nc: 1:20.5",
    "specials": "a: .inf\nb: -.Inf\nc: .NaN\nd: +.inf",
    "nulls": "a: ~\nb: null\nc: Null\nd:\ne: ''",
    "dates": "a: 2024-01-02\nb: 2024-01-02T10:00:00Z\nc: 2024-01-02 10:00:00.5\nd: 2001-12-14t21:59:43.10-05:00\n"
             "e: 2001-12-14 21:59:43.1234567 +5\nf: 2024-1-2 3:04:05",
    "bad_date": "a: 2024-13-02",
    "unicode": "name: Modèle 日本語 👀\nemoji: \"\\U0001F440\"",
    "anchors": "base: &b {x: 1, y: [1, 2]}\nother: *b\nmerged:\n  <<: *b\n  z: 3\noverride: {a: 0, <<: *b, x: 9}\n"
               "multi: {<<: [{p: 1, q: 1}, {q: 2, r: 2}], s: 3}",
    "duplicates": "a: 1\nb: 2\na: 3",
    "flow_and_block": "tags: [sklearn, 'skops', \"x y\"]\nwidget:\n- structured_data: {x0: [5.1, 4.9], x1: [3.5, 3.0]}",
    "multiline": "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n\n  para\nc: 'single ''quoted'''\nd: \"tab\\tand \\n newline\"",
    "comments": "# leading comment\nlicense: mit # trailing\n# between\ntags:\n  - a   # indented sequence\n  - b",
    "empty": "",
    "only_comment": "# nothing here",
    "scalar_doc": "just a string",
    "list_doc": "- a\n- b",
    "value_tag": "a: =",
    "binary": "a: !!binary aGVsbG8gd29ybGQ=",
    "set": "a: !!set {x, y}",
    "python_tag": "a: !!python/object:os.system ls",
    "local_tag": "a: !custom x",
    "unhashable_key": "? [a, b]\n: c",
    "syntax_error": "a: b: c",
    "bad_indent": "a:\n  - x\n - y",
    "tabs": "a:\n\t- x",
    "two_docs": "a: 1\n---\nb: 2",
    "model_index": "model-index:\n- name: m\n  results:\n  - task: {type: tabular-classification}\n"
                   "    dataset: {type: iris, name: Iris, split: test}\n    metrics:\n"
                   "    - {type: accuracy, value: 0.96, name: Accuracy, verified: false}\n"
                   "    - {type: f1, value: '20.0 ± 1.2'}",
    "long_strings": "a: " + " ".join(["word"] * 40) + "\nb: " + "x" * 120,
    "keys": "2: int key\n2.5: float key\ntrue: bool key\nnull: null key\n2024-01-02: date key",
    "quoted_numbers": "a: '1.0'\nb: \"123\"\nc: '1e5'\nd: 'yes'",
}

STRINGS = ["1e5", "=", "yes", "no", "1.0", "1:20", "2024-01-02", "", "null", "~", " x", "x ", "a: b", "- a",
           "#x", "x #y", "é", "日本", "\u0085", "\ud7ff", "a\nb", "a\n\nb\n", "x" * 100,
           " ".join(["word"] * 30), "it's", '"q"', "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "?x", "? x",
           ":x", "x:", "[x", "{x", ",x", "--- x", "...", "-", "- ", "0x1F", "0o17", ".5", "+1", "1_0", "True",
           "NULL", "Off", "y", "n", "\t", "a\tb", "\x7f", "\u2028x", "\ufeffx", "<<", "1.0e5", "1.0e+5", "08",
           "0b2", ".inf", "-.inf", ".nan", "2024-1-2 3:04:05", "a\r\nb", "trailing\n", "\nleading", "  ",
           "x\u00a0y", "\U0001F440", "a, b", "a]", "{a: 1}", "a'b\"c", "\\", "café au lait " * 8,
           "https://huggingface.co/spaces/x?y=1#z", "key: with colon: inside", "- - nested",
           "línea uno\nlínea dos\n\n\nfin", "  indented\nmore"]

FLOATS = [1.0, 0.1, 1e-05, 1e16, 1e15, 123456789012345678.0, float("nan"), float("inf"), -float("inf"), -0.0,
          5e-324, 1.5e300, 0.9666666666666667, 2.5, 100.0, 1e-4, 0.0001234, 1e22, 3.14159265358979]

VALUES = {
    "strings": {"s": STRINGS},
    "floats": {"f": FLOATS},
    "ints": {"i": [0, -3, 2 ** 31, 2 ** 63, 2 ** 70, -(2 ** 70)]},
    "misc": {"t": True, "f": False, "n": None, "d": datetime.date(2024, 1, 2),
             "dt": datetime.datetime(2024, 1, 2, 10, 0, 0, 500000),
             "dtz": datetime.datetime(2024, 1, 2, 10, 0, 0, tzinfo=datetime.timezone.utc),
             "dtneg": datetime.datetime(2001, 12, 14, 21, 59, 43, 100000,
                                        tzinfo=datetime.timezone(datetime.timedelta(hours=-5))),
             "empty_list": [], "empty_map": {}, "nested": [[1, 2], [], {"a": [{}]}], "b": b"hello world"},
    "keys": {1: "int", 2.5: "float", True: "bool", None: "none", "x" * 130: "long key", "a b": 1, "": "empty",
             "é": "u"},
    "card_like": {
        "language": ["en", False], "license": "mit", "library_name": "sklearn",
        "tags": ["sklearn", "skops", "tabular-classification"], "datasets": ["scikit-learn/iris"],
        "metrics": ["accuracy", "f1"], "pipeline_tag": "tabular-classification",
        "widget": [{"structured_data": {"sepal length (cm)": [5.1, 4.9, 4.7], "petal width (cm)": [0.2, 0.2, 0.2]}}],
        "co2_eq_emissions": {"emissions": 0.5, "source": "codecarbon", "training_type": "pre-training"},
        "model-index": [{"name": "iris-forest", "results": [{"task": {"type": "tabular-classification"},
                                                             "dataset": {"name": "Iris", "type": "iris"},
                                                             "metrics": [{"type": "accuracy", "value": 0.96}]}]}],
        "thumbnail": "https://example.org/a-rather-long-url/that/goes/on/and/on/and/on/until/it/passes/eighty/chars.png",
    },
}


def yaml_cases():
    cases = []
    for name, text in YAML_SNIPPETS.items():
        case = {"name": name, "yaml": text}
        try:
            value = yaml.safe_load(text)
        except Exception as e:  # noqa: BLE001 - recorded as the expected failure
            case["error"] = f"{type(e).__name__}: {str(e).splitlines()[0]}"
        else:
            case["value"] = tag(value)
            if name == "set":  # a set's order is Python's hash order: nothing to compare a dump with
                cases.append(case)
                continue
            try:
                case["dump"] = yaml.dump(value, sort_keys=False, allow_unicode=True)
                case["dump_crlf"] = yaml.dump(value, sort_keys=False, allow_unicode=True, line_break="\r\n")
            except Exception as e:  # noqa: BLE001
                case["dump_error"] = str(e).splitlines()[0]
        cases.append(case)
    for name, value in VALUES.items():
        cases.append({"name": "value_" + name, "value": tag(value),
                      "dump": yaml.dump(value, sort_keys=False, allow_unicode=True)})
    for i, s in enumerate(STRINGS):  # each string alone too, so one failure names one string
        cases.append({"name": f"string_{i}", "value": tag({"s": s}),
                      "dump": yaml.dump({"s": s}, sort_keys=False, allow_unicode=True)})
    return cases


# --------------------------------------------------------------------------------------------------------------
# tables (skops TableSection)
# --------------------------------------------------------------------------------------------------------------

def table_cases():
    from skops.card._model_card import TableSection

    tables = {
        "metrics": {"Metric": ["accuracy", "f1 score"], "Value": [0.9, 0.8]},
        "empty_rows": {"Metric": [], "Value": []},
        "odd_even": {"ab": ["a", "abcd", "abc"], "x": [1, 22, 333], "wide column name": [True, None, 1.5]},
        "newlines": {"name": ["multi\nline", "x"], "value": ["a\n\nb", ""]},
        "unicode": {"名前": ["日本語", "é"], "emoji": ["👀", "x"], "mixed": ["aé日", "—"]},
        "numbers": {"p": ["C", "max_iter", "tol"], "v": [1.0, 100, 0.0001]},
        "single": {"only": ["one"]},
        "pipes": {"a|b": ["x|y", "`code`"], "c": ["<b>html</b>", "**bold**"]},
    }
    out = []
    for name, table in tables.items():
        out.append({"name": name,
                    "columns": [[k, [tag(v) for v in vals]] for k, vals in table.items()],
                    "markdown": TableSection(title="t", content="", table=table).format()})
    return out


# --------------------------------------------------------------------------------------------------------------
# cards
# --------------------------------------------------------------------------------------------------------------

#: for cards skops wrote: the (depth, title) of each heading skops rendered, from the Card object itself
RENDERED: dict[str, list] = {}


def rendered_headings(card) -> list:
    """The headings ``Card.render`` writes: visible sections, children of folded sections left out."""
    out = []

    def walk(sections, depth):
        for section in sections.values():
            if not section.visible:
                continue
            out.append([depth, section.title])
            if section.subsections and not section.folded:
                walk(section.subsections, depth + 1)

    walk(card._data, 1)
    return out


def skops_cards(tmp: Path) -> dict[str, str]:
    from sklearn.compose import ColumnTransformer
    from sklearn.datasets import load_iris
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    from skops.card import Card

    X, y = load_iris(return_X_y=True)
    cards = {}

    logreg = LogisticRegression(max_iter=500, random_state=0).fit(X, y)
    card = Card(logreg)
    card.add_metrics(accuracy=0.9733333333333334, **{"f1 score": 0.9733226623982927})
    card.add_metrics(description="Metrics on the training data.", **{"log loss": 0.1189})
    card.add_plot(**{"Model description/Evaluation Results/Confusion matrix": "confusion_matrix.png"},
                  description="Predicted vs. true classes.")
    card.add_plot(folded=True, alt_text="ROC", **{"ROC curve": "plots/roc curve.png"})
    card.add_table(**{"Cross validation": {"fold": [1, 2, 3], "score": [0.95, 0.9666666666666667, 1.0]}})
    card.add_table(folded=True, description="Search results.",
                   **{"Model description/Training Procedure/Search": {"params": ["C=1\nl1", "C=10"], "rank": [2, 1]}})
    card.add(**{"Model description": "A logistic regression on iris.\n\nIt is *small*.",
                "A section with\\/ a slash": "Slash in the title.",
                "Folded notes": "Hidden by default."})
    card.add(folded=True, **{"Folded notes/Child": "Folded parents hide children."})
    cards["skops_default_logreg"] = card.render()
    RENDERED["skops_default_logreg"] = rendered_headings(card)

    pipe = Pipeline([("scale", StandardScaler()), ("forest", RandomForestClassifier(n_estimators=3, random_state=0))])
    pipe.fit(X, y)
    card = Card(pipe)
    card.add_metrics(accuracy=1.0, note="training accuracy\n(optimistic)")
    card.add(**{"How to Get Started with the Model": "```python\nimport skops.io as sio\n"
                                                      "model = sio.load('model.skops', trusted=[...])\n```"})
    cards["skops_pipeline"] = card.render()
    RENDERED["skops_pipeline"] = rendered_headings(card)

    ct = ColumnTransformer([("num", StandardScaler(), [0, 1]), ("cat", OneHotEncoder(handle_unknown="ignore"), [2])])
    card = Card(ct.fit(X), template=None, model_diagram="Model/Diagram")
    card.add(**{"Model": "A column transformer.", "Model/Details/Deep/Deeper": "Four levels down.",
                "Another": "", "Another/Child with  spaces ": "stripped title parts",
                "Hidden section": "not rendered"})
    card.select("Hidden section").visible = False
    card.select("Model").select("Details").content = "Chained select."
    card.delete("Another/Child with  spaces")
    card.add(**{"Another/Second": "Second child"})
    cards["skops_no_template"] = card.render()
    RENDERED["skops_no_template"] = rendered_headings(card)

    card = Card(None, template={"Intro": "Welcome.", "Intro/Usage": "Use it.", "Limits": "[More Information Needed]"})
    card.add_table(**{"Limits/Table": {"col": ["a"]}})
    cards["skops_custom_template"] = card.render()
    RENDERED["skops_custom_template"] = rendered_headings(card)

    # the same calls are replayed through Skiff's API in CardBuildTest (keep the two in step)
    from skops.card._templates import SKOPS_TEMPLATE
    card = Card(None, template=dict(SKOPS_TEMPLATE))
    ev = "Model description/Evaluation Results"
    card.add_metrics(section=ev, accuracy=0.9733333333333334, **{"f1 score": 0.97})
    card.add_metrics(section=ev, description="On the test split.", **{"log loss": 0.1189, "accuracy": 0.98})
    card.add_plot(**{ev + "/Confusion matrix": "plots/confusion_matrix.png"}, description="Rows are true classes.")
    card.add_plot(folded=True, alt_text="ROC", **{"ROC curve": "roc.png"})
    card.add_table(folded=True, description="Search results.",
                   **{"Search": {"params": ["C=1\nl1", "C=10"], "rank": [2, 1], "score": [0.95, None]}})
    card.add(**{"Model description": "A model.\n\nTwo paragraphs."})
    card.add(folded=True, **{"Notes/Child": "Folded child."})
    card.select("Model Card Contact").visible = False
    card.delete("Citation")
    card.add(**{"Slash\\/title": "x"})
    cards["skops_recipe"] = card.render()
    RENDERED["skops_recipe"] = rendered_headings(card)

    card = Card(None, template=None)
    card.add(**{"A": "a content", "A/B": "", "A/B/C": "c content", "D": "d"})
    cards["skops_minimal"] = card.render()
    RENDERED["skops_minimal"] = rendered_headings(card)
    return cards


def hf_cards(tmp: Path) -> dict[str, str]:
    cards = {}
    data = ModelCardData(language="en", license="mit", library_name="sklearn",
                         tags=["sklearn", "skops", "tabular-classification", "sklearn"],
                         datasets=["scikit-learn/iris"], metrics=["accuracy"], pipeline_tag="tabular-classification",
                         base_model="someone/base-model", model_file="model.skops",
                         widget=[{"structured_data": {"x0": [5.1, 4.9, 4.7], "x1": [3.5, 3.0, 3.2]}}])
    card = ModelCard.from_template(data, model_id="iris-forest", model_summary="A forest on iris.",
                                   developers="Skiff tests", license="mit")
    cards["hf_default_template"] = str(card)

    results = [
        EvalResult(task_type="tabular-classification", dataset_type="iris", dataset_name="Iris",
                   metric_type="accuracy", metric_value=0.96, dataset_split="test", metric_name="Accuracy",
                   task_name="Tabular Classification"),
        EvalResult(task_type="tabular-classification", dataset_type="iris", dataset_name="Iris",
                   metric_type="f1", metric_value=0.9599, dataset_split="test", metric_args={"average": "macro"}),
        EvalResult(task_type="tabular-classification", dataset_type="iris", dataset_name="Iris",
                   metric_type="accuracy", metric_value=0.98, dataset_split="train", verified=False,
                   source_name="Skiff", source_url="https://example.org/skiff"),
        EvalResult(task_type="tabular-regression", dataset_type="diabetes", dataset_name="Diabetes",
                   metric_type="r2", metric_value="0.45 ± 0.02", dataset_config="default",
                   dataset_revision="abc123", dataset_args={"scaled": True}, metric_config="raw"),
    ]
    data = ModelCardData(model_name="iris-forest", eval_results=results, license="apache-2.0", library_name="sklearn")
    cards["hf_eval_results"] = str(ModelCard.from_template(data, template_str="---\n{{ card_data }}\n---\n\n# {{ model_name }}\n\nEvaluated.\n"))

    content = "---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\n\r\n# Title\r\n\r\nSome text.\r\n\r\n## Sub\r\n\r\nMore.\r\n"
    path = tmp / "crlf.md"
    ModelCard(content).save(path)
    cards["hf_crlf"] = path.read_bytes().decode("utf-8")

    path = tmp / "metadata_save.md"
    path.write_text("# My model\n\nNo metadata yet.\n", encoding="utf-8")
    metadata_save(path, {"license": "cc-by-4.0", "language": ["en", "fr"], "inference": False,
                         "thumbnail": None, "extra": {"nested": [1, 2.5, "three"]}})
    cards["hf_metadata_save"] = path.read_text(encoding="utf-8")

    path = tmp / "eval_result.md"
    path.write_text("---\nlicense: mit\n---\n# Evaluated\n", encoding="utf-8")
    metadata_save(path, {"license": "mit", **metadata_eval_result(
        model_pretty_name="RoBERTa fine-tuned", task_pretty_name="Text Classification", task_id="text-classification",
        metrics_pretty_name="Accuracy", metrics_id="accuracy", metrics_value=0.2662102282047272,
        dataset_pretty_name="ReactionJPEG", dataset_id="julien-c/reactionjpeg", dataset_config="default",
        dataset_split="test")})
    cards["hf_metadata_eval_result"] = path.read_text(encoding="utf-8")

    cards["hf_no_metadata"] = "# Plain\n\nNo front matter here.\n"

    handwritten = (ROOT / "interop" / "tools" / "card_fixtures" / "handwritten_hub.md").read_text(encoding="utf-8")
    cards["hf_resaved_handwritten"] = ModelCard(handwritten).content
    return cards


def handwritten_cards() -> dict[str, bytes]:
    src = ROOT / "interop" / "tools" / "card_fixtures"
    out = {}
    for p in sorted(src.glob("*.md")):
        out[p.stem] = p.read_bytes()
    hub = (src / "handwritten_hub.md").read_bytes()
    out["handwritten_crlf"] = hub.replace(b"\n", b"\r\n")
    out["handwritten_cr"] = hub.replace(b"\n", b"\r")
    out["handwritten_bom"] = b"\xef\xbb\xbf" + hub
    out["handwritten_no_final_newline"] = hub.rstrip(b"\n")
    return out


def expectations(path: Path) -> dict:
    from skops.card import parse_modelcard

    raw = path.read_bytes().decode("utf-8")
    exp: dict = {"line_break": _detect_line_ending(raw.removeprefix("\ufeff"))}
    if path.stem in RENDERED:
        exp["skops_rendered"] = RENDERED[path.stem]
    try:
        meta = metadata_load(path)
        exp["metadata"] = tag(meta)
    except Exception as e:  # noqa: BLE001
        exp["metadata_error"] = f"{type(e).__name__}: {str(e).splitlines()[0]}"
    try:
        card = ModelCard.load(path)
        exp["text"] = card.text
        exp["content"] = card.content
        er = card.data.eval_results
        exp["model_name"] = card.data.model_name
        exp["eval_results"] = None if er is None else [tag(vars(r)) for r in er]
    except Exception as e:  # noqa: BLE001
        exp["card_error"] = f"{type(e).__name__}: {str(e).splitlines()[0]}"
    try:
        parsed = parse_modelcard(path)
        exp["sections"] = [p for p, _ in parsed._iterate_content(parsed._data)]
    except Exception as e:  # noqa: BLE001
        exp["sections_error"] = f"{type(e).__name__}: {str(e).splitlines()[0]}"
    return exp


def main() -> None:
    import tempfile

    OUT.mkdir(parents=True, exist_ok=True)
    write_json(OUT / "yaml" / "cases.json", yaml_cases())
    write_json(OUT / "tables.json", table_cases())
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        files: dict[str, bytes] = {}
        for name, text in {**skops_cards(tmp), **hf_cards(tmp)}.items():
            files[name] = text.encode("utf-8")
        files.update(handwritten_cards())
    names = []
    for name, data in sorted(files.items()):
        path = OUT / f"{name}.md"
        path.write_bytes(data)
        write_json(OUT / f"{name}.expect.json", expectations(path))
        names.append(name)
    write_json(OUT / "index.json", names)
    print(f"wrote {len(names)} cards, YAML cases and tables to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
