# The pinbatch image (used by config/kubernetes-cronjob.yml): Maven builds the jar, a JRE image runs it.
#   docker build -t registry.example.com/pinbatch:0.1.0 .
#   docker run --rm -e ZERNIO_API_KEY -v pinbatch:/var/lib/pinbatch registry.example.com/pinbatch:0.1.0 --input=/var/lib/pinbatch/inbox

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first, so a source change does not download them again
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY config config
COPY src src
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
# an unprivileged user owning the folder for inputs, result files and the job repository (mount a volume there)
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/pinbatch pinbatch \
 && mkdir -p /var/lib/pinbatch/data \
 && chown -R pinbatch:pinbatch /var/lib/pinbatch
COPY --from=build /build/target/pinbatch.jar /app/pinbatch.jar
USER 10001:10001
WORKDIR /var/lib/pinbatch
# the job repository must outlive the container: keep it on the volume, never in the image
ENV PINBATCH_DATA_DIR=/var/lib/pinbatch/data
ENTRYPOINT ["java", "-jar", "/app/pinbatch.jar"]
CMD ["--help"]
