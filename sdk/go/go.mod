module github.com/anomaly-gateway/gateway/sdk/go

go 1.19

require github.com/gorilla/websocket v1.5.0
