package dev.skiff.runtime;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input names its place: the CSV line a broken record starts on, and the missing, extra or unknown
 * column of a frame that does not fit the model (scikit-learn refuses the same inputs).
 */
class InputErrorsTest {
    @TempDir
    static Path dir;

    private static Model positional;
    private static Model named;

    @BeforeAll
    static void fit() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, """
                from sklearn.linear_model import LinearRegression
                X = np.random.RandomState(0).rand(40, 4); y = X @ [1.0, 2.0, 3.0, 4.0]
                save("array", LinearRegression().fit(X, y), X)
                df = pd.DataFrame(X, columns=["a", "b", "c", "d"])
                save("frame", LinearRegression().fit(df, y), df)
                """);
        positional = Models.load(cases.get(0).model(), TrustPolicy.trusting(cases.get(0).untrusted()));
        named = Models.load(cases.get(1).model(), TrustPolicy.trusting(cases.get(1).untrusted()));
    }

    @Test
    void aRaggedRecordNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> Csv.read(new StringReader("a,b\n1,2\n3\n")))
                .isInstanceOf(ModelInputException.class)
                .hasMessage("CSV row 1 (line 3) has 1 values, the header has 2");
        // a quoted field spanning two lines moves the records after it down one line
        assertThatThrownBy(() -> Csv.read(new StringReader("a,b\n\"x\ny\",2\n3,4,5\n")))
                .hasMessage("CSV row 1 (line 4) has 3 values, the header has 2");
    }

    @Test
    void tooFewOrTooManyColumnsByPositionNameTheFirstOneOff() {
        assertThatThrownBy(() -> positional.predict(Frame.of(new double[][]{{1, 2, 3}})))
                .isInstanceOf(ModelInputException.class)
                .hasMessage("the model expects 4 columns (matched by position), the input has 3; "
                        + "missing: column 3 (counting from 0)");
        assertThatThrownBy(() -> positional.predict(Frame.of(new double[][]{{1, 2, 3, 4, 5, 6}})))
                .hasMessage("the model expects 4 columns (matched by position), the input has 6; "
                        + "extra: column 4 (counting from 0) and after");
        // a frame fitted on names, given bare rows, is matched by position and names what is missing
        assertThatThrownBy(() -> named.predict(Frame.of(new double[][]{{1, 2}})))
                .hasMessage("the model expects 4 columns (matched by position), the input has 2; "
                        + "missing: column \"c\" and after");
    }

    @Test
    void namedColumnsThatDoNotFitAreNamed() throws Exception {
        Frame extra = Csv.read(new StringReader("a,b,c,d,e\n1,2,3,4,5\n"));
        assertThatThrownBy(() -> named.predict(extra))
                .isInstanceOf(ModelInputException.class)
                .hasMessage("unknown column \"e\"; the model expects [a, b, c, d]");
        Frame missing = Csv.read(new StringReader("a,b,d\n1,2,4\n"));
        assertThatThrownBy(() -> named.predict(missing))
                .hasMessage("missing column(s) [c]; the model expects [a, b, c, d]");
        Frame text = Csv.read(new StringReader("a,b,c,d\n1,2,3,4\n1,2,three,4\n"));
        assertThatThrownBy(() -> named.predict(text))
                .hasMessage("row 1, column \"c\": \"three\" is not a number");
    }
}
