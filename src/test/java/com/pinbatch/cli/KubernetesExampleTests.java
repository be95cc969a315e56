package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped Kubernetes example and the Dockerfile it runs (Docker and a cluster are not at hand in a build, so
 * this checks what Kubernetes would reject or do wrong).
 */
class KubernetesExampleTests {

	private static final Path EXAMPLE = Path.of("config/kubernetes-cronjob.yml");

	private static final Path DOCKERFILE = Path.of("Dockerfile");

	@Test
	@SuppressWarnings("unchecked")
	void onlyAStoppedRunIsRetriedAndUsageOrRowProblemsFailTheJobAtOnce() throws IOException {
		Map<String, Object> job = map(map(cronJob(), "spec"), "jobTemplate");
		Map<String, Object> jobSpec = map(job, "spec");
		Map<String, Object> pod = map(map(jobSpec, "template"), "spec");

		// podFailurePolicy is refused by Kubernetes unless pods are never restarted in place
		assertThat(pod.get("restartPolicy")).isEqualTo("Never");
		List<Map<String, Object>> rules = maps(map(jobSpec, "podFailurePolicy"), "rules");
		Map<String, Object> failJob = rules.stream().filter(rule -> "FailJob".equals(rule.get("action")))
			.findFirst().orElseThrow();
		Map<String, Object> exitCodes = map(failJob, "onExitCodes");
		assertThat(exitCodes.get("operator")).isEqualTo("In");
		assertThat((List<Object>) exitCodes.get("values")).containsExactlyInAnyOrder(2, 3);
		assertThat(exitCodes.get("containerName")).isEqualTo(container(pod).get("name"));
		assertThat(rules).noneMatch(rule -> rule.containsKey("onExitCodes")
				&& ((List<?>) map(rule, "onExitCodes").get("values")).contains(1));
		assertThat((Integer) jobSpec.get("backoffLimit")).isPositive();
	}

	@Test
	void theJarComesFromAnImageAndTheDataFolderFromAPersistentVolumeClaim() throws IOException {
		List<Map<String, Object>> documents = documents();
		Map<String, Object> pod = map(map(map(map(map(cronJob(), "spec"), "jobTemplate"), "spec"), "template"),
				"spec");
		Map<String, Object> container = container(pod);

		assertThat(container.get("image").toString()).doesNotStartWith("eclipse-temurin");
		List<Map<String, Object>> volumes = maps(pod, "volumes");
		assertThat(volumes).noneMatch(volume -> volume.containsKey("configMap"));
		String claim = volumes.stream().filter(volume -> volume.containsKey("persistentVolumeClaim"))
			.map(volume -> map(volume, "persistentVolumeClaim").get("claimName").toString())
			.findFirst().orElseThrow();
		assertThat(documents).anyMatch(document -> "PersistentVolumeClaim".equals(document.get("kind"))
				&& claim.equals(map(document, "metadata").get("name")));
		String mountPath = maps(container, "volumeMounts").get(0).get("mountPath").toString();
		String dataDir = argument(container, "--pinbatch.data-dir=");
		assertThat(dataDir).startsWith(mountPath + "/");
		assertThat(argument(container, "--input=")).startsWith(mountPath + "/");
		Map<String, Object> key = maps(container, "env").stream()
			.filter(variable -> "ZERNIO_API_KEY".equals(variable.get("name")))
			.findFirst().orElseThrow();
		assertThat(map(map(key, "valueFrom"), "secretKeyRef")).containsKeys("name", "key");
		assertThat(key).doesNotContainKey("value");
	}

	@Test
	void theDockerfileBuildsTheJarWithMavenAndRunsItOnAJre() throws IOException {
		List<String> lines = Files.readAllLines(DOCKERFILE);
		List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).toList();

		assertThat(stages).hasSize(2);
		assertThat(stages.get(0)).contains("maven").endsWith(" AS build");
		assertThat(stages.get(1)).contains("jre");
		assertThat(lines).anyMatch(line -> line.startsWith("RUN mvn") && line.contains("package"));
		assertThat(lines).anyMatch(line -> line.startsWith("COPY --from=build") && line.contains("target/pinbatch.jar"));
		// the extracted jar and the class archive its training run recorded there are what the image starts
		assertThat(String.join("\n", lines)).contains("extract --destination /app")
			.contains("-XX:ArchiveClassesAtExit=/app/pinbatch.jsa -jar /app/pinbatch.jar");
		assertThat(lines).contains(
				"ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/pinbatch.jsa\", \"-jar\", \"/app/pinbatch.jar\"]");
		// the build reads config/default-mapping.yml into the jar (pom.xml)
		assertThat(lines).contains("COPY config config");
		// the example's user must be the image's, or it cannot write to the volume
		assertThat(lines).anyMatch(line -> line.startsWith("USER 10001"));
		assertThat(map(map(map(map(map(cronJob(), "spec"), "jobTemplate"), "spec"), "template"), "spec"))
			.extractingByKey("securityContext").asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("runAsUser", 10001);
	}

	@Test
	void theBuildContextHoldsEveryFileTheDockerfileCopiesFromIt() throws IOException {
		// .dockerignore leaves out everything but what it names again with '!'
		List<String> admitted = Files.readAllLines(Path.of(".dockerignore")).stream()
			.filter(line -> line.startsWith("!"))
			.map(line -> line.substring(1).replaceAll("/$", ""))
			.toList();
		List<String> copied = Files.readAllLines(DOCKERFILE).stream()
			.filter(line -> line.startsWith("COPY ") && !line.startsWith("COPY --from"))
			.map(line -> line.split("\\s+")[1])
			.toList();

		assertThat(copied).isNotEmpty().allSatisfy(source -> {
			assertThat(Path.of(source)).exists();
			assertThat(admitted).anyMatch(entry -> source.equals(entry) || source.startsWith(entry + "/"));
		});
	}

	private static Map<String, Object> cronJob() throws IOException {
		return documents().stream().filter(document -> "CronJob".equals(document.get("kind"))).findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> documents() throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(Files.readString(EXAMPLE))) {
			documents.add((Map<String, Object>) document);
		}
		return documents;
	}

	private static Map<String, Object> container(Map<String, Object> pod) {
		List<Map<String, Object>> containers = maps(pod, "containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static String argument(Map<String, Object> container, String prefix) {
		List<?> args = (List<?>) container.get("args");
		return args.stream().map(Object::toString).filter(arg -> arg.startsWith(prefix))
			.map(arg -> arg.substring(prefix.length())).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (List<Map<String, Object>>) parent.get(key);
	}
}
