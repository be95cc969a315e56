package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * config/application.yml shows every setting with its default, and Spring Boot reads it whenever pinbatch runs from
 * the project folder. The defaults live once, in the settings records: the file must state exactly those values, so
 * that changing a default in the code is not silently undone from the project folder (nor the file left describing
 * an old default).
 */
class DocumentedSettingsTests {

	@Test
	void theDocumentedSettingsFileStatesExactlyTheBuiltInDefaults() throws IOException {
		// the built-in defaults: the records' own, and the few that need a placeholder (in the jar's application.yml)
		List<PropertySource<?>> builtInFile = yaml(new ClassPathResource("application.yml"));
		List<PropertySource<?>> withDocumented = new ArrayList<>(yaml(new FileSystemResource("config/application.yml")));
		withDocumented.addAll(builtInFile);
		Binder builtIn = new Binder(ConfigurationPropertySources.from(builtInFile));
		Binder fromFile = new Binder(ConfigurationPropertySources.from(withDocumented));

		List<String> checked = new ArrayList<>();
		for (Class<?> settings : ConfigurationCheck.settingsRecords()) {
			String prefix = ConfigurationCheck.prefixOf(settings);
			Object defaults = builtIn.bindOrCreate(prefix, Bindable.of(settings));
			Object stated = fromFile.bindOrCreate(prefix, Bindable.of(settings));
			assertThat(stated).as("config/application.yml's %s.* against %s's defaults", prefix,
					settings.getSimpleName())
				.isEqualTo(defaults);
			checked.add(prefix);
		}
		// the scan found the settings (a test that checked nothing would pass)
		assertThat(checked).contains("zernio", "pinbatch", "pinbatch.throttle", "pinbatch.follow", "pinbatch.lease");
	}

	@Test
	void everySettingIsInTheDocumentedFile() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("config/application.yml"));

		// set to its default, or shown commented out where it has none (the API key, a requests-per-minute cap)
		assertThat(ConfigurationCheck.knownKeys()).hasSizeGreaterThan(30)
			.allSatisfy(key -> assertThat(lines).as("config/application.yml documents " + key)
				.anyMatch(line -> line.matches("\\s*(#\\s*)?" + Pattern.quote(key.substring(key.lastIndexOf('.') + 1))
						+ ":.*")));
	}

	private static List<PropertySource<?>> yaml(Resource file) throws IOException {
		assertThat(file.exists()).as(file.getDescription()).isTrue();
		return new YamlPropertySourceLoader().load(file.getDescription(), file);
	}
}
