package com.pinbatch.job;

import java.time.Clock;

import com.pinbatch.input.InputOptions;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.ValidationSettings;

import org.springframework.stereotype.Component;

/**
 * How an input is read and its rows checked, from its job parameters and the configuration: the one place the
 * launcher's check and the job's steps take it from.
 */
@Component
public class InputSetup {

	private final XlsxProperties xlsx;

	private final PinbatchProperties properties;

	public InputSetup(XlsxProperties xlsx, PinbatchProperties properties) {
		this.xlsx = xlsx;
		this.properties = properties;
	}

	/** @throws com.pinbatch.pin.MappingException for a mapping file the user must fix */
	public ColumnMapping mapping(InputParameters input) {
		return ColumnMapping.of(input.mapping());
	}

	public InputOptions inputOptions(InputParameters input, ColumnMapping mapping) {
		return new InputOptions(input.sheet(), input.encoding(), xlsx.limits(), mapping::namesColumns,
				mapping::holdsWebAddress);
	}

	/** How rows of this input are checked: relative media paths start at the input's folder. */
	public ValidationSettings validation(InputParameters input) {
		ValidationSettings settings = new ValidationSettings(input.timezone(), Clock.systemUTC(), input.account(),
				input.board(), input.input().toAbsolutePath().getParent(), properties.defaultTimeOfDay());
		settings = settings.withMediaRoot(input.mediaRoot());
		return input.dateFormat() == null ? settings : settings.withDateFormat(input.dateFormat());
	}
}
