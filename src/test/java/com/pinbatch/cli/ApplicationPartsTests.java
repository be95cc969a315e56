package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

/**
 * The application lists its parts rather than scanning for them (see PinbatchApplication): every component and
 * settings record under com.pinbatch must be listed, or it would silently be missing. The console's context is the
 * whole application (the command line's lacks only the console's parts).
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "pinbatch.console.sandbox=true")
class ApplicationPartsTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	ApplicationContext context;

	@Test
	void everyComponentAndSettingsRecordOfTheApplicationIsOneOfItsBeans() throws IOException {
		// read as a scan would, but with no condition applied: the console's parts are only for a web application
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory();
		List<Class<?>> parts = new ArrayList<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:com/pinbatch/**/*.class");
		for (Resource file : files) {
			AnnotationMetadata type = readers.getMetadataReader(file).getAnnotationMetadata();
			boolean part = !type.isAnnotation() && (type.isAnnotated(Component.class.getName())
					|| type.isAnnotated(ConfigurationProperties.class.getName()));
			if (part && !file.getURL().getPath().contains("test-classes")) {
				parts.add(ClassUtils.resolveClassName(type.getClassName(), getClass().getClassLoader()));
			}
		}

		assertThat(parts).as("parts found").hasSizeGreaterThan(40);
		assertThat(parts).allSatisfy(type -> assertThat(context.getBeanNamesForType(type)).as(type.getName())
			.isNotEmpty());
	}
}
