package com.pinbatch.zernio;

/**
 * What {@link BoardDirectory#prefetch} found, for the plan the user reads before sending starts.
 *
 * @param accounts   the key's Pinterest accounts
 * @param boardLists accounts whose boards are now known
 * @param requests   requests this prefetch made (none when an earlier input of the command looked them up)
 */
public record Prefetched(int accounts, int boardLists, int requests) {

	public String describe() {
		return "accounts and boards looked up before the first pin: " + accounts + " Pinterest "
				+ (accounts == 1 ? "account" : "accounts") + ", the boards of " + boardLists + " ("
				+ requests + (requests == 1 ? " request" : " requests") + " to Zernio)";
	}
}
