"""Runtime benchmark: scikit-learn's predict beside Skiff's, same models, same rows, same thread budget.

Run through bench/run-runtime-bench.sh (it builds the CLI and passes --java/--cp). Steps:

1. fit the five models of issue #3 (LogisticRegression, RandomForest(100), GradientBoosting(100),
   HistGradientBoosting(100) on 20 numeric features; Pipeline(ColumnTransformer(OneHotEncoder, StandardScaler),
   LogisticRegression) on a mixed DataFrame), dump them with skops, write the 10,000 held-out rows as CSV;
2. check that Skiff (`skiff predict`) gives scikit-learn's labels and probabilities on those rows;
3. per thread budget ("1": OMP/MKL/OPENBLAS_NUM_THREADS=1 + threadpoolctl for Python, -XX:ActiveProcessorCount=1
   for the JVM; "default": both sides as they come) and per model: time scikit-learn in a fresh Python process
   (p50/p99 of predict on one row, rows/s of predict on the 10,000 rows) and Skiff with `skiff bench` in a fresh
   JVM (same measures, in-process after warm-up), side by side so both see the same machine load;
4. print the table (ratios, PASS/MISS against single-row >= 100x and batch >= 2x) and write the JSON results.

Python gets its fastest input form: numpy arrays for the numeric models (fitted on arrays), a DataFrame for the
pipeline (it needs column names). Skiff gets a Frame read from the CSV (columnar), so its timings include the
Frame -> matrix conversion a JVM caller pays.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

N_TRAIN = 5000
N_BATCH = 10_000
N_FEATURES = 20
N_SINGLE = 200  # distinct single rows cycled through in the latency loop
SINGLE_TARGET = 100.0
BATCH_TARGET = 2.0
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
MODELS = {"LR": "LogisticRegression", "RF": "RandomForest(100)", "GB": "GradientBoosting(100)",
          "HGB": "HistGradientBoosting(100)", "PIPE": "Pipeline(CT(OHE,Scaler),LR)"}


def slug(name: str) -> str:
    return name.replace("(", "_").replace(")", "").replace(",", "_")


# ---------------------------------------------------------------------------------------------- data and models

def numeric_data():
    from sklearn.datasets import make_classification
    x, y = make_classification(n_samples=N_TRAIN + N_BATCH, n_features=N_FEATURES, n_informative=10,
                               n_redundant=4, flip_y=0.05, random_state=0)
    return x, y


def mixed_data():
    import numpy as np
    import pandas as pd
    rng = np.random.default_rng(1)
    n = N_TRAIN + N_BATCH
    df = pd.DataFrame({
        "age": rng.integers(18, 90, n).astype(float),
        "income": rng.lognormal(10, 0.6, n),
        "hours": rng.normal(40, 8, n),
        "city": rng.choice(["oslo", "bergen", "lyon", "paris", "porto", "lima", "quito", "kyoto"], n),
        "plan": rng.choice(["free", "pro", "team", "enterprise"], n),
        "device": rng.choice(["ios", "android", "web"], n),
    })
    score = ((df["age"] - 50) / 20 + np.log(df["income"]) - 10 + (df["plan"] == "pro")
             - (df["city"] == "lima") + 0.3 * (df["device"] == "web"))
    y = (score + rng.normal(scale=0.5, size=n) > 0).astype(int).to_numpy()
    return df, y


def make_estimator(name: str):
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    return {
        "LogisticRegression": lambda: LogisticRegression(max_iter=1000),
        "RandomForest(100)": lambda: RandomForestClassifier(n_estimators=100, random_state=0),
        "GradientBoosting(100)": lambda: GradientBoostingClassifier(n_estimators=100, random_state=0),
        "HistGradientBoosting(100)": lambda: HistGradientBoostingClassifier(max_iter=100, early_stopping=False,
                                                                            random_state=0),
        "Pipeline(CT(OHE,Scaler),LR)": lambda: Pipeline([
            ("prep", ColumnTransformer([
                ("cat", OneHotEncoder(handle_unknown="ignore"), ["city", "plan", "device"]),
                ("num", StandardScaler(), ["age", "income", "hours"]),
            ])),
            ("clf", LogisticRegression(max_iter=1000)),
        ]),
    }[name]()


def prepare(work: Path, java: list[str], names: list[str]) -> list[dict]:
    """Fits, dumps and checks every model; returns one description per model (also saved as models.json)."""
    import numpy as np
    import pandas as pd
    import skops.io as sio
    from threadpoolctl import threadpool_limits

    work.mkdir(parents=True, exist_ok=True)
    num_x, num_y = numeric_data()
    mix_x, mix_y = mixed_data()
    out = []
    for name in names:
        mixed = name.startswith("Pipeline")
        x, y = (mix_x, mix_y) if mixed else (num_x, num_y)
        if mixed:
            train, held = x.iloc[:N_TRAIN], x.iloc[N_TRAIN:].reset_index(drop=True)
            held_csv = held
        else:
            train, held = x[:N_TRAIN], x[N_TRAIN:]
            held_csv = pd.DataFrame(held, columns=[f"f{i}" for i in range(N_FEATURES)])
        est = make_estimator(name)
        with threadpool_limits(limits=1):
            est.fit(train, y[:N_TRAIN])
        stem = work / slug(name)
        skops_file = stem.with_suffix(".skops")
        sio.dump(est, skops_file)
        csv = stem.with_suffix(".csv")
        held_csv.to_csv(csv, index=False)  # shortest round-trip floats: Skiff reads the very numbers
        with open(stem.with_suffix(".pkl"), "wb") as f:
            pickle.dump({"est": est, "held": held}, f)
        # the benchmark trusts what it has just written itself; a user reviews this list
        trust = sorted(sio.get_untrusted_types(file=skops_file))
        check = check_parity(java, skops_file, csv, trust, est, held)
        out.append({"name": name, "skops": str(skops_file), "csv": str(csv), "pkl": str(stem.with_suffix(".pkl")),
                    "trust": trust, "skops_bytes": skops_file.stat().st_size, "parity": check})
        print(f"  prepared {name:<28} parity: labels {check['labels']}, proba max |diff| "
              f"{check['proba_max_abs_diff']:.3g} ({check['proba_identical_rows']}/{N_BATCH} rows bit-identical)",
              file=sys.stderr, flush=True)
    (work / "models.json").write_text(json.dumps(out, indent=1))
    return out


def trust_args(trust: list[str]) -> list[str]:
    return [a for t in trust for a in ("--trust", t)]


def check_parity(java: list[str], skops_file: Path, csv: Path, trust: list[str], est, held) -> dict:
    """Skiff's labels and probabilities on the held-out rows next to scikit-learn's: a wrong answer is not timed."""
    import io
    import numpy as np
    import pandas as pd
    result = {}
    for method in ("predict", "predict_proba"):
        run = subprocess.run(java + ["predict", str(skops_file), "--input", str(csv), "--method", method]
                             + trust_args(trust), capture_output=True, text=True, timeout=900)
        if run.returncode != 0:
            raise SystemExit(f"skiff predict --method {method} failed for {skops_file.name}: {run.stderr.strip()}")
        got = pd.read_csv(io.StringIO(run.stdout))
        if method == "predict":
            want = est.predict(held)
            if not np.array_equal(got.iloc[:, 0].to_numpy(), want):
                raise SystemExit(f"{skops_file.name}: Skiff's labels differ from scikit-learn's; not timing that")
            result["labels"] = "identical"
        else:
            want = est.predict_proba(held)
            g = got.to_numpy(dtype=float)
            diff = np.abs(g - want)
            if not np.all(diff <= 1e-9 * np.maximum(1.0, np.abs(want))):
                raise SystemExit(f"{skops_file.name}: Skiff's probabilities differ from scikit-learn's by up to "
                                 f"{diff.max():.3g}; not timing that")
            result["proba_max_abs_diff"] = float(diff.max())
            result["proba_identical_rows"] = int(np.sum(np.all(g == want, axis=1)))
    return result


# ---------------------------------------------------------------------------------------------- timing

def time_python(pkl: Path, seconds: float) -> dict:
    """In this (fresh) process: p50/p99 of predict on one row, rows/s of predict on the batch, after warm-up."""
    import numpy as np
    import pandas as pd
    from threadpoolctl import threadpool_info
    with open(pkl, "rb") as f:
        d = pickle.load(f)
    est, held = d["est"], d["held"]
    if isinstance(held, pd.DataFrame):
        singles = [held.iloc[i:i + 1] for i in range(N_SINGLE)]
    else:
        held = np.ascontiguousarray(held)
        singles = [held[i:i + 1] for i in range(N_SINGLE)]

    def single_loop(budget: float, record: bool):
        lat = []
        end = time.perf_counter() + budget
        i = 0
        while True:
            row = singles[i % N_SINGLE]
            t0 = time.perf_counter()
            est.predict(row)
            t1 = time.perf_counter()
            if record:
                lat.append(t1 - t0)
            i += 1
            if t1 > end:
                return lat

    def batch_loop(budget: float):
        rows = 0
        calls = 0
        start = time.perf_counter()
        while True:
            est.predict(held)
            rows += len(held)
            calls += 1
            now = time.perf_counter()
            if now - start > budget and calls >= 3:
                return rows / (now - start), calls

    single_loop(seconds / 3, False)
    lat = sorted(single_loop(seconds, True))
    batch_loop(seconds / 3)
    rps, calls = batch_loop(seconds)
    threads = {p["internal_api"]: p["num_threads"] for p in threadpool_info()}
    return {"latency_us_p50": lat[len(lat) // 2] * 1e6,
            "latency_us_p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1e6,
            "rows_per_s": rps, "single_calls": len(lat), "batch_calls": calls, "pools": threads,
            "cpu_s": time.process_time()}


def python_child(pkl: str, seconds: float, threads: str) -> dict:
    env = dict(os.environ)
    if threads == "1":
        for v in THREAD_VARS:
            env[v] = "1"
    else:
        for v in THREAD_VARS:
            env.pop(v, None)
    run = subprocess.run([sys.executable, __file__, "_time-python", pkl, "--seconds", str(seconds),
                          "--threads", threads], capture_output=True, text=True, env=env, timeout=900)
    if run.returncode != 0:
        raise SystemExit(f"python timing failed: {run.stderr.strip()}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def skiff_bench(java: list[str], jvm_opts: list[str], m: dict, seconds: float) -> dict:
    cmd = java[:1] + jvm_opts + java[1:] + ["bench", m["skops"], "--input", m["csv"], "--batch", str(N_BATCH),
                                            "--seconds", str(seconds)] + trust_args(m["trust"])
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if run.returncode != 0:
        raise SystemExit(f"skiff bench failed for {m['name']}: {run.stderr.strip()}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def loadavg() -> list[float]:
    return [round(v, 2) for v in os.getloadavg()]


# ---------------------------------------------------------------------------------------------- report

def verdict(single_x: float, batch_x: float) -> str:
    miss = [w for w, ok in (("single", single_x >= SINGLE_TARGET), ("batch", batch_x >= BATCH_TARGET)) if not ok]
    return "PASS" if not miss else "MISS " + "+".join(miss)


HEADER = (f"{'threads':<8} {'model':<28} {'py p50 us':>10} {'skiff p50':>10} {'1-row x':>8}  "
          f"{'py p99':>8} {'skiff p99':>9}  {'py rows/s':>10} {'skiff rows/s':>12} {'batch x':>8}  "
          f"{'load':>5}  verdict")


def format_row(r: dict) -> str:
    py, sk = r["python"], r["skiff"]
    return (f"{r['threads']:<8} {r['model']:<28} {py['latency_us_p50']:>10.1f} {sk['latency_us_p50']:>10.2f} "
            f"{r['single_x']:>7.0f}x  {py['latency_us_p99']:>8.0f} {sk['latency_us_p99']:>9.1f}  "
            f"{py['rows_per_s']:>10.0f} {sk['rows_per_s']:>12.0f} {r['batch_x']:>7.2f}x  "
            f"{r['load_after'][0]:>5.2f}  {r['verdict']}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_time-python":
        ap = argparse.ArgumentParser()
        ap.add_argument("cmd")
        ap.add_argument("pkl")
        ap.add_argument("--seconds", type=float, required=True)
        ap.add_argument("--threads", required=True)
        a = ap.parse_args()
        from threadpoolctl import threadpool_limits
        if a.threads == "1":
            with threadpool_limits(limits=1):
                r = time_python(Path(a.pkl), a.seconds)
        else:
            r = time_python(Path(a.pkl), a.seconds)
        print(json.dumps(r))
        return

    ap = argparse.ArgumentParser(description="scikit-learn vs Skiff predict speed (see bench/README.md)")
    ap.add_argument("--java", required=True, help="java executable")
    ap.add_argument("--cp", required=True, help="class path of the skiff CLI")
    ap.add_argument("--work", required=True, type=Path)
    ap.add_argument("--seconds", type=float, default=3.0, help="measuring time per phase and side")
    ap.add_argument("--threads", default="1,default", help="thread budgets: 1, default, or both (comma-separated)")
    ap.add_argument("--models", default=",".join(MODELS), help="comma-separated subset of " + ",".join(MODELS))
    ap.add_argument("--jvm-opts", default="-Xms1g -Xmx2g", help="JVM options of every timing run")
    ap.add_argument("--results", type=Path, help="write the results JSON here")
    args = ap.parse_args()
    keys = [k.strip().upper() for k in args.models.split(",") if k.strip()]
    unknown = [k for k in keys if k not in MODELS]
    if unknown or not keys:
        raise SystemExit(f"--models: unknown {unknown} (choose from {','.join(MODELS)})")
    names = [MODELS[k] for k in keys]
    java = [args.java, "--enable-native-access=ALL-UNNAMED", "-cp", args.cp, "dev.skiff.cli.SkiffCli"]
    cores = os.cpu_count() or 1

    import sklearn
    print(f"== fitting, dumping and checking {len(names)} models", file=sys.stderr, flush=True)
    prepared = prepare(args.work, java, names)

    started = datetime.datetime.now().isoformat(timespec="seconds")
    print(f"\n# {cores} cores ({cpu_name()}); scikit-learn {sklearn.__version__}, Python {sys.version.split()[0]}, "
          f"{java_version(args.java)}; batch {N_BATCH} rows, {args.seconds:g} s per phase; load average at start "
          f"{' '.join(map(str, loadavg()))}")
    rows = []
    for budget in args.threads.split(","):
        budget = budget.strip()
        if budget not in ("1", "default"):
            raise SystemExit(f"--threads: unknown budget {budget!r} (1 or default)")
        jvm = args.jvm_opts.split() + (["-XX:ActiveProcessorCount=1"] if budget == "1" else [])
        for m in prepared:
            before = loadavg()
            py = python_child(m["pkl"], args.seconds, budget)
            sk = skiff_bench(java, jvm, m, args.seconds)
            single_x = py["latency_us_p50"] / sk["latency_us_p50"]
            batch_x = sk["rows_per_s"] / py["rows_per_s"]
            rows.append({"threads": budget, "model": m["name"], "python": py, "skiff": sk, "single_x": single_x,
                         "batch_x": batch_x, "verdict": verdict(single_x, batch_x), "load_before": before,
                         "load_after": loadavg()})
            if len(rows) == 1:
                print(HEADER)
                print("-" * len(HEADER))
            print(format_row(rows[-1]), flush=True)
    peak = max(max(r["load_before"][0], r["load_after"][0]) for r in rows)
    print(f"\ntargets: single-row p50 >= {SINGLE_TARGET:g}x scikit-learn, batch rows/s >= {BATCH_TARGET:g}x. "
          f"Load average (1 min) peaked at {peak:.2f} on {cores} cores"
          + (" -- a busy machine: re-run when it is quiet before trusting the ratios." if peak > 0.75 * cores
             else "."))
    if args.results:
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(json.dumps({"started": started, "cores": cores, "cpu": cpu_name(),
                                            "sklearn": sklearn.__version__, "java": java_version(args.java),
                                            "seconds_per_phase": args.seconds, "batch": N_BATCH,
                                            "jvm_opts": args.jvm_opts, "models": prepared, "rows": rows}, indent=1))
        print(f"results: {args.results}")


def cpu_name() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def java_version(java: str) -> str:
    run = subprocess.run([java, "-version"], capture_output=True, text=True)
    first = (run.stderr or run.stdout).splitlines()
    return first[0].strip() if first else "java ?"


if __name__ == "__main__":
    main()
