package com.pinbatch.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.pinbatch.lease.LeaseHolder;
import com.pinbatch.lease.LeaseTaken;
import com.pinbatch.lease.RunLease;

/**
 * The leases of a command's inputs, taken together before anything is sent and released together, so no other
 * process (on any host) works on one of them meanwhile. Hand-written: ShedLock locks one name at a time; all-or-none
 * over several inputs and the refusal line the user reads are pinbatch's.
 */
final class InputLeases implements AutoCloseable {

	private final Map<String, LeaseHolder> byInput = new LinkedHashMap<>();

	private InputLeases() {
	}

	/**
	 * @param files  the inputs' files by run key
	 * @param onLost what to do, with the input's run key, when its lease is taken over because this process stalled
	 *               past it: stop that input's run cleanly
	 * @return null, with the reason printed, when another run holds one of them: then this command processes none
	 */
	static InputLeases acquire(RunLease runLease, Map<String, Path> files, Consumer<String> onLost,
			RunListener listener) {
		InputLeases leases = new InputLeases();
		for (Map.Entry<String, Path> input : files.entrySet()) {
			try {
				LeaseHolder lease = runLease.acquire(input.getKey());
				lease.onLost(() -> onLost.accept(input.getKey()));
				leases.byInput.put(input.getKey(), lease);
			}
			catch (LeaseTaken taken) {
				leases.close();
				listener.problem("pinbatch: another pinbatch run is processing " + input.getValue() + ": "
						+ taken.holder().owner() + " since " + taken.holder().acquiredAt()
						+ "; wait for it to finish (if that process is gone, run this again after "
						+ taken.expiresAt() + ")");
				return null;
			}
		}
		return leases;
	}

	@Override
	public void close() {
		byInput.values().forEach(LeaseHolder::close);
		byInput.clear();
	}
}
