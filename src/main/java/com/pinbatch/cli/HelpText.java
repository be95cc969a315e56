package com.pinbatch.cli;

/** What {@code --help} prints. */
final class HelpText {

	static final String TEXT = """
			pinbatch: create Pinterest pins in bulk from a CSV or XLSX file through the Zernio API.

			Usage:
			  java -jar pinbatch.jar --input=FILE [--input=FILE ...] [options]
			  java -jar pinbatch.jar --retry-failed=RESULTS [options]
			  java -jar pinbatch.jar --prune-older-than=DAYS
			  java -jar pinbatch.jar --help | --version

			Input:
			  --input=FILE|FOLDER       CSV (comma, semicolon or tab; any encoding) or XLSX, told apart by content.
			                            Repeatable; a folder gives its .csv, .tsv, .xlsx and .xlsm files (not
			                            result files). Several inputs are one run, side by side, each with its
			                            own result file.
			  --sheet=NAME              XLSX sheet to read (default: the first visible sheet)
			  --encoding=NAME           the CSV's character encoding (e.g. windows-1252, x-MacRoman) when it
			                            is not UTF-8 or UTF-16 and the encoding detected (printed) is wrong
			  --mapping=FILE            column mapping (YAML) for spreadsheets with other headers
			                            (format: config/default-mapping.yml)
			  --media-root=DIR          local media files may come from this folder (default: the input
			                            file's folder; links are followed before the check)
			  --retry-failed=RESULTS    run again only the INVALID and FAILED rows of an earlier result file
			                            (fix them in that file first); other rows are carried over

			What to create:
			  --account=ID_OR_USERNAME  account for rows that name none
			  --board=ID_OR_NAME        board for rows that name none
			  --timezone=ZONE           zone for publish dates without an offset (IANA name; default UTC)
			  --date-format=PATTERN     publish dates written another way, as a java.time pattern
			                            (e.g. "dd.MM.yyyy HH:mm"); default: ISO-8601 and the usual forms
			  --when-no-date=now|queue|draft
			                            what an empty publish date means (default now)
			  --spread                  spread publish times so no account goes over its caps
			  --check-media             check every media URL (reachable, type, size) before sending; only
			                            public addresses are asked (also after redirects) unless
			                            --pinbatch.media-check.allow-private-addresses=true
			  --dry-run                 read, map, validate and resolve boards; create nothing

			Output and reports:
			  --results=FILE            the per-row result file (default: beside the input, NAME.results.csv,
			                            or NAME[.SHEET].results.xlsx for a workbook; a name ending in .xlsx
			                            writes a workbook)
			  --summary=FILE            also write the end-of-run summary as JSON (for automation)
			  --verbose                 DEBUG logging: every send with its request id
			  --log-format=text|json    log lines as text (default) or as JSON (ECS) for log shippers

			Zernio:
			  --sandbox                 use the built-in Zernio simulator (no account or key needed)
			  --zernio.base-url=URL     API base URL (default https://zernio.com/api)
			  The API key is read from the environment variable ZERNIO_API_KEY (or zernio.api-key in a
			  config file), never from the command line, and is never printed or written.

			Maintenance:
			  --prune-older-than=DAYS   delete job runs that ended more than DAYS days ago, with their stored
			                            row outcomes, from the job repository; processes no input
			                            (with --dry-run: deletes nothing, prints what it would delete)

			Other:
			  --help                    this text
			  --version                 the version
			  --NAME.WITH.DOTS=VALUE    any configuration property (see config/application.yml), e.g.
			                            --pinbatch.data-dir=DIR (job repository; default ~/.pinbatch/data),
			                            --pinbatch.progress-interval=30s

			Exit codes:
			  0  every row CREATED, DUPLICATE or VALID
			  1  stopped before the end (key rejected, API unreachable, interrupted): run the same command again
			  2  usage or input error: nothing was sent
			  3  finished, but some rows are INVALID or FAILED: see the result file

			Examples:
			  java -jar pinbatch.jar --input=samples/pins.csv --sandbox
			  ZERNIO_API_KEY=sk_... java -jar pinbatch.jar --input=pins.xlsx --timezone=Europe/Berlin
			  java -jar pinbatch.jar --input=pins.csv --dry-run
			  java -jar pinbatch.jar --retry-failed=pins.results.csv
			  java -jar pinbatch.jar --input=a.csv --input=b.xlsx --summary=run.json --log-format=json
			  java -jar pinbatch.jar --prune-older-than=30
			""";

	private HelpText() {
	}
}
