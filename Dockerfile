# The anomaly gateway as an image: built from source with Maven, run on a slim Java 17 runtime. The same jar and
# flags as everywhere else: without arguments it runs everything in one JVM; with --cluster --roles ... it is one
# node of a cluster (see docker-compose.yml). Provided for deployment; not built in this project's CI.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/launcher/target/anomaly-gateway.jar /app/anomaly-gateway.jar
# HTTP/WebSocket, Hazelcast, the event bus (fixed with --bus-port in clustered mode).
EXPOSE 8000 5701-5720 5800
USER 10001
# SIGTERM (docker stop) runs the graceful shutdown: drain, close 1001, hand sessions over, leave the cluster.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/anomaly-gateway.jar"]
