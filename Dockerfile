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
# the jar extracted (Boot's tools jar mode), plus a class archive (CDS) of what one run loads, recorded by a dry run of
# the sample on the built-in sandbox: a one-row run then takes about 3.8 s instead of 5.9 s on two cores, on 40 % less
# CPU (a cron pod with half a core feels it). The same classes on the same JVM as the fat jar
COPY --from=build /build/target/pinbatch.jar /tmp/pinbatch.jar
COPY samples/pins.csv /tmp/training/pins.csv
RUN java -Djarmode=tools -jar /tmp/pinbatch.jar extract --destination /app \
 && java -XX:ArchiveClassesAtExit=/app/pinbatch.jsa -jar /app/pinbatch.jar --input=/tmp/training/pins.csv --dry-run \
      --sandbox --pinbatch.data-dir=/tmp/training/data --results=/tmp/training/pins.results.csv >/dev/null \
 && test -s /app/pinbatch.jsa \
 && rm -rf /tmp/pinbatch.jar /tmp/training
USER 10001:10001
WORKDIR /var/lib/pinbatch
# the job repository must outlive the container: keep it on the volume, never in the image
ENV PINBATCH_DATA_DIR=/var/lib/pinbatch/data
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/pinbatch.jsa", "-jar", "/app/pinbatch.jar"]
CMD ["--help"]
