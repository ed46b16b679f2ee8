package dev.skiff.card.meta;

import dev.skiff.card.CardException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One metric value on one dataset for one task: huggingface_hub's flat {@code EvalResult}, field for field. Several
 * results with the same {@link #uniqueIdentifier()} share one {@code model-index} entry.
 *
 * @param taskType        task id, e.g. {@code tabular-classification} (required)
 * @param datasetType     dataset id, e.g. {@code scikit-learn/iris} (required)
 * @param datasetName     pretty dataset name (required)
 * @param metricType      metric id, e.g. {@code accuracy} (required)
 * @param metricValue     a number, or text such as {@code "20.0 ± 1.2"} (required)
 * @param taskName        pretty task name
 * @param datasetConfig   dataset configuration
 * @param datasetSplit    split, e.g. {@code test}
 * @param datasetRevision dataset revision (git sha)
 * @param datasetArgs     arguments used to load the dataset
 * @param metricName      pretty metric name
 * @param metricConfig    metric configuration
 * @param metricArgs      arguments of the metric computation
 * @param verified        set by the Hub's evaluation service only
 * @param verifyToken     the service's token ({@code verifyToken} in YAML)
 * @param sourceName      where the result comes from (needs {@code sourceUrl})
 * @param sourceUrl       link to the source of the result
 */
public record EvalResult(String taskType, String datasetType, String datasetName, String metricType,
                         Object metricValue, String taskName, String datasetConfig, String datasetSplit,
                         String datasetRevision, Map<String, Object> datasetArgs, String metricName,
                         String metricConfig, Map<String, Object> metricArgs, Boolean verified, String verifyToken,
                         String sourceName, String sourceUrl) {

    public EvalResult {
        if (sourceName != null && sourceUrl == null) {
            throw new CardException("If `source_name` is provided, `source_url` must also be provided.");
        }
    }

    /** A result with the five required fields. */
    public static EvalResult of(String taskType, String datasetType, String datasetName, String metricType,
                                Object metricValue) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The fields that decide which {@code model-index} entry a result belongs to. */
    public List<Object> uniqueIdentifier() {
        return java.util.Arrays.asList(taskType, datasetType, datasetConfig, datasetSplit, datasetRevision);
    }

    /** True when {@code other} describes the same metric (every field but the value and the verify token). */
    public boolean isEqualExceptValue(EvalResult other) {
        return Objects.equals(taskType, other.taskType) && Objects.equals(datasetType, other.datasetType)
                && Objects.equals(datasetName, other.datasetName) && Objects.equals(metricType, other.metricType)
                && Objects.equals(taskName, other.taskName) && Objects.equals(datasetConfig, other.datasetConfig)
                && Objects.equals(datasetSplit, other.datasetSplit)
                && Objects.equals(datasetRevision, other.datasetRevision)
                && Objects.equals(datasetArgs, other.datasetArgs) && Objects.equals(metricName, other.metricName)
                && Objects.equals(metricConfig, other.metricConfig) && Objects.equals(metricArgs, other.metricArgs)
                && Objects.equals(verified, other.verified) && Objects.equals(sourceName, other.sourceName)
                && Objects.equals(sourceUrl, other.sourceUrl);
    }

    public EvalResult withMetricValue(Object v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, v, taskName, datasetConfig, datasetSplit,
                datasetRevision, datasetArgs, metricName, metricConfig, metricArgs, verified, verifyToken, sourceName,
                sourceUrl);
    }

    public EvalResult withTaskName(String v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, v, datasetConfig,
                datasetSplit, datasetRevision, datasetArgs, metricName, metricConfig, metricArgs, verified, verifyToken,
                sourceName, sourceUrl);
    }

    public EvalResult withDatasetConfig(String v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, v, datasetSplit,
                datasetRevision, datasetArgs, metricName, metricConfig, metricArgs, verified, verifyToken, sourceName,
                sourceUrl);
    }

    public EvalResult withDatasetSplit(String v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig, v,
                datasetRevision, datasetArgs, metricName, metricConfig, metricArgs, verified, verifyToken, sourceName,
                sourceUrl);
    }

    public EvalResult withDatasetRevision(String v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, v, datasetArgs, metricName, metricConfig, metricArgs, verified, verifyToken, sourceName,
                sourceUrl);
    }

    public EvalResult withDatasetArgs(Map<String, Object> v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, datasetRevision, v, metricName, metricConfig, metricArgs, verified, verifyToken,
                sourceName, sourceUrl);
    }

    public EvalResult withMetricName(String v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, datasetRevision, datasetArgs, v, metricConfig, metricArgs, verified, verifyToken,
                sourceName, sourceUrl);
    }

    public EvalResult withMetricConfig(String v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, datasetRevision, datasetArgs, metricName, v, metricArgs, verified, verifyToken,
                sourceName, sourceUrl);
    }

    public EvalResult withMetricArgs(Map<String, Object> v) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, datasetRevision, datasetArgs, metricName, metricConfig, v, verified, verifyToken,
                sourceName, sourceUrl);
    }

    public EvalResult withVerified(Boolean v, String token) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, datasetRevision, datasetArgs, metricName, metricConfig, metricArgs, v, token, sourceName,
                sourceUrl);
    }

    public EvalResult withSource(String name, String url) {
        return new EvalResult(taskType, datasetType, datasetName, metricType, metricValue, taskName, datasetConfig,
                datasetSplit, datasetRevision, datasetArgs, metricName, metricConfig, metricArgs, verified, verifyToken,
                name, url);
    }
}
