package dev.skiff.runtime.encode;

import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * String categories that look like numbers ({@code 02139}, {@code 1.50}, {@code 1e3}): a CSV types such a
 * column as numbers, as pandas would, but the encoders and HistGradientBoosting's categorical preprocessor
 * must match the cells as the file spells them, or every zip code with a leading zero is "unknown"; an
 * imputer fitted on strings hands them on as spelled.
 */
class NumberLikeStringsParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> encodersMatchTheCellsAsWritten() throws Exception {
        var cases = Parity.generate(dir, """
                from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder
                from sklearn.ensemble import HistGradientBoostingClassifier
                rng = np.random.RandomState(5)
                n = 300
                df = pd.DataFrame({
                    "zip": rng.choice(["01234", "02139", "10001", "00501", "1234"], n).astype(object),
                    "grade": rng.choice(["1.50", "1.5", "2.0", "10", "1e3"], n).astype(object),
                    "x": rng.normal(size=n)})
                y = ((df["zip"] == "02139") | (df["grade"] == "1.50") | (df["x"] > 1)).astype(int).to_numpy()
                cats = df[["zip", "grade"]]
                save("ohe", OneHotEncoder(sparse_output=False).fit(cats), cats)
                save("ordinal", OrdinalEncoder().fit(cats), cats)
                from sklearn.impute import SimpleImputer
                holes = cats.copy(); holes.loc[::7, "zip"] = np.nan
                save("imputer_most_frequent", SimpleImputer(strategy="most_frequent").fit(holes), holes)
                dfc = df.assign(zip=df["zip"].astype("category"), grade=df["grade"].astype("category"))
                save("hgb_from_dtype", HistGradientBoostingClassifier(categorical_features="from_dtype",
                     max_iter=20, random_state=0).fit(dfc, y), dfc)
                """);
        assertThat(cases).hasSize(4);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
    }

    @Test
    void everyNumericCellReadsBackAsWritten() throws Exception {
        // decimals of every length and magnitude, integers with signs and zeros: sourceText is the cell
        java.util.Random rnd = new java.util.Random(11);
        StringBuilder csv = new StringBuilder("d,i\n");
        java.util.List<String[]> cells = new java.util.ArrayList<>();
        for (int k = 0; k < 20000; k++) {
            int digits = 1 + rnd.nextInt(19);
            StringBuilder m = new StringBuilder();
            for (int j = 0; j < digits; j++) {
                m.append((char) ('0' + rnd.nextInt(10)));
            }
            int point = rnd.nextInt(digits + 6) - 5;
            String d = point <= 0 ? "0." + "0".repeat(-point) + m : point >= digits ? m + ".0" : m.substring(0, point)
                    + "." + m.substring(point);
            String sign = switch (rnd.nextInt(6)) { case 0 -> "-"; case 1 -> "+"; default -> ""; };
            String i = sign + (rnd.nextInt(4) == 0 ? "0" : "") + m.substring(0, Math.min(digits, 17));
            String[] row = {sign + d, i};
            cells.add(row);
            csv.append(row[0]).append(',').append(row[1]).append('\n');
        }
        Frame f = Csv.read(new StringReader(csv.toString()));
        assertThat(f.column("d")).isInstanceOf(dev.skiff.runtime.data.Float64Column.class);
        assertThat(f.column("i")).isInstanceOf(dev.skiff.runtime.data.Int64Column.class);
        for (int k = 0; k < cells.size(); k++) {
            assertThat(f.column("d").sourceText(k)).as("row %d", k).isEqualTo(cells.get(k)[0]);
            assertThat(f.column("i").sourceText(k)).as("row %d", k).isEqualTo(cells.get(k)[1]);
        }
    }

    @Test
    void aCsvKeepsTheSpellingOnlyWhereTheNumberLosesIt() throws Exception {
        Frame f = Csv.read(new StringReader("zip,price,n\n02139,1.50,7\n10001,2.5,8\n"));
        assertThat(f.column("zip").text(0)).isEqualTo("2139");
        assertThat(f.column("zip").sourceText(0)).isEqualTo("02139");
        assertThat(f.column("zip").sourceText(1)).isEqualTo("10001");
        assertThat(f.column("price").sourceText(0)).isEqualTo("1.50");
        assertThat(f.column("price").text(0)).isEqualTo("1.5");
        assertThat(((dev.skiff.runtime.data.Int64Column) f.column("n")).source()).isNull();
    }
}
