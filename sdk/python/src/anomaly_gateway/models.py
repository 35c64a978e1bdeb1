"""What the gateway answers, as dataclasses whose fields carry the protocol's names. Each keeps the whole message
in ``raw`` too, so that fields a newer gateway adds are never out of reach."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FeatureContribution:
    """One feature's part in an anomaly: its ``index``, ``value``, share of the explanation (``contribution``,
    summing to 1 over all features) and on which side of the usual values it lies (``direction``)."""

    index: int
    value: float
    contribution: float
    direction: str

    @staticmethod
    def from_json(entry: dict[str, Any]) -> FeatureContribution:
        return FeatureContribution(int(entry["index"]), float(entry["value"]), float(entry["contribution"]),
                                   str(entry["direction"]))


@dataclass(frozen=True)
class DetectionResult:
    """The verdict on one sample: ``is_anomaly``, ``confidence_score`` in [0, 1] (higher is more anomalous),
    the ``algorithm`` that scored it, the ``metadata`` (``buffer_size``, ``model_fitted``, ``threshold``, ...) and,
    for an anomaly, the ``explanation``: the features that contributed most, largest first."""

    sample_id: str
    is_anomaly: bool
    confidence_score: float
    algorithm: str
    metadata: dict[str, Any]
    explanation: list[FeatureContribution]
    request_id: str | None = None
    timestamp: str | None = None

    @property
    def model_fitted(self) -> bool:
        """Whether the session's model was fitted when the sample was scored (before, every score is 0)."""
        return bool(self.metadata.get("model_fitted", False))

    @property
    def threshold(self) -> float | None:
        """The score above which a sample is anomalous, once the model is fitted."""
        return self.metadata.get("threshold")

    @staticmethod
    def from_json(entry: dict[str, Any], algorithm: str, metadata: dict[str, Any],
                  request_id: str | None = None, timestamp: str | None = None) -> DetectionResult:
        explained = entry.get("explanation", metadata.get("explanation")) or []
        return DetectionResult(entry["sample_id"], bool(entry["is_anomaly"]), float(entry["confidence_score"]),
                               algorithm, metadata, [FeatureContribution.from_json(e) for e in explained],
                               request_id, timestamp)

    @staticmethod
    def from_result(message: dict[str, Any]) -> DetectionResult:
        return DetectionResult.from_json(message, message["algorithm"], message.get("metadata", {}),
                                         message.get("request_id"), message.get("timestamp"))


@dataclass(frozen=True)
class BatchResult:
    """The verdicts on a batch's rows, in order (``results``), with the batch's ``anomalies`` count."""

    algorithm: str
    count: int
    anomalies: int
    results: list[DetectionResult]
    metadata: dict[str, Any]
    request_id: str | None = None

    @staticmethod
    def from_json(message: dict[str, Any]) -> BatchResult:
        metadata = message.get("metadata", {})
        rows = [DetectionResult.from_json(row, message["algorithm"], _row_metadata(metadata, row))
                for row in message["results"]]
        return BatchResult(message["algorithm"], int(message.get("count", len(rows))),
                           int(message.get("anomalies", 0)), rows, metadata, message.get("request_id"))


def _row_metadata(batch: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A batch row's metadata: the batch's, with what the row says of itself (its ``buffer_size``, ...)."""
    own = {k: v for k, v in row.items() if k not in ("index", "sample_id", "is_anomaly", "confidence_score",
                                                       "explanation")}
    return {**batch, **own} if own else batch


@dataclass(frozen=True)
class FeatureDrift:
    """One feature's drift evidence: ``statistic`` (KS distance, PSI, or detections), ``p_value`` (KS only),
    ``psi`` and whether it ``drifted``."""

    index: int
    statistic: float | None
    p_value: float | None
    psi: float | None
    drifted: bool

    @staticmethod
    def from_json(entry: dict[str, Any]) -> FeatureDrift:
        return FeatureDrift(int(entry["index"]), entry.get("statistic"), entry.get("p_value"), entry.get("psi"),
                            bool(entry.get("drifted", False)))


@dataclass(frozen=True)
class DriftResult:
    """A drift check: ``status`` (``ok``, ``insufficient_data`` or ``reset``), ``drift_detected``, the
    ``evidence`` (``comparison`` or ``monitor``) and the per-feature ``features``; ``raw`` holds every field."""

    status: str
    drift_detected: bool
    method: str | None
    evidence: str | None
    detected_at: int | None
    features: list[FeatureDrift]
    raw: dict[str, Any] = field(repr=False)

    @property
    def drifted_features(self) -> list[int]:
        """The indices of the features that drifted."""
        return [feature.index for feature in self.features if feature.drifted]

    @staticmethod
    def from_json(message: dict[str, Any]) -> DriftResult:
        return DriftResult(message.get("status", "ok"), bool(message.get("drift_detected", False)),
                           message.get("method"), message.get("evidence"), message.get("detected_at"),
                           [FeatureDrift.from_json(f) for f in message.get("features") or []], message)


@dataclass(frozen=True)
class SessionStats:
    """The ``stats`` answer: the session's detector state (``streaming``), the node's connections
    (``connections``) and the asking connection's own figures (``client``)."""

    streaming: dict[str, Any]
    connections: dict[str, Any]
    client: dict[str, Any]

    @property
    def total_samples(self) -> int:
        """Samples the session has scored: each exactly once, whatever the re-sends."""
        return int(self.streaming.get("total_samples", 0))

    @staticmethod
    def from_json(message: dict[str, Any]) -> SessionStats:
        stats = message.get("stats", {})
        return SessionStats(stats.get("streaming", {}), stats.get("connections", {}), stats.get("client", {}))


@dataclass(frozen=True)
class Position:
    """A place in a session's topic stream: the gateway's ``epoch`` and the event ``offset``."""

    epoch: str
    offset: int

    def to_json(self) -> dict[str, Any]:
        return {"epoch": self.epoch, "offset": self.offset}


@dataclass(frozen=True)
class TopicEvent:
    """An event pushed to a subscription: its ``type`` (``anomaly``, ``alert``, ``stats``, ``drift``), ``topic``,
    ``session_id`` (``None`` for node-wide events), and its ``position`` when the topic keeps history.
    ``body`` is the whole message."""

    type: str
    topic: str
    session_id: str | None
    timestamp: str | None
    position: Position | None
    body: dict[str, Any] = field(repr=False)

    @staticmethod
    def from_json(message: dict[str, Any]) -> TopicEvent:
        epoch = message.get("epoch")
        position = Position(epoch, int(message.get("offset", 0))) if epoch is not None else None
        return TopicEvent(message["type"], message["topic"], message.get("session_id"), message.get("timestamp"),
                          position, message)


@dataclass(frozen=True)
class ClientStatistics:
    """What this client has done: requests ``sent`` (re-sends included), ``answered``, ``errors`` (error answers
    and local failures), ``reconnects``, ``dropped`` (lost to the overflow policy), what is ``queued`` and
    ``in_flight`` now, and the latency from call to answer in milliseconds."""

    sent: int
    answered: int
    errors: int
    reconnects: int
    dropped: int
    queued: int
    in_flight: int
    latency_p50_ms: float
    latency_p99_ms: float
    latency_max_ms: float
