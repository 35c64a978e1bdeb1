"""asyncio client for the Anomaly Gateway: stream samples over WebSocket and get each one's verdict, exactly once.

    async with create_streaming_client("ws://localhost:8000", "line-7", token=token) as client:
        result = await client.send_sample([0.5, 1.2, -0.3])
        print(result.is_anomaly, result.confidence_score)

See ``sdk/python/README.md`` for the API and its guarantees.
"""

from .client import StreamingClient, create_streaming_client
from .errors import (AnomalyGatewayError, ConnectionLost, ConnectionRefused, ErrorCode, QueueFull, RequestTimeout,
                     ServerError, Unauthorized)
from .models import (BatchResult, ClientStatistics, DetectionResult, DriftResult, FeatureContribution,
                     FeatureDrift, Position, SessionStats, TopicEvent)
from .subscription import Subscription
from .sync import score

__version__ = "0.1.0"

__all__ = [
    "AnomalyGatewayError", "BatchResult", "ClientStatistics", "ConnectionLost", "ConnectionRefused",
    "DetectionResult", "DriftResult", "ErrorCode", "FeatureContribution", "FeatureDrift", "Position",
    "QueueFull", "RequestTimeout", "ServerError", "SessionStats", "StreamingClient", "Subscription",
    "TopicEvent", "Unauthorized", "create_streaming_client", "score",
]
