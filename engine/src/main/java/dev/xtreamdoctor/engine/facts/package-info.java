/**
 * The facts probes emit and rules reason over: one immutable record per observation.
 *
 * <p>Facts observe and never judge. Every field is a String, a number, a boolean or a list of
 * strings, so a facts file (JSON) maps onto them one to one. Outcome codes come from {@link
 * dev.xtreamdoctor.engine.facts.Outcome}. No fact ever carries the password: credentials are
 * described by their properties only ({@link dev.xtreamdoctor.engine.facts.CredentialInput}). Every
 * record here is documented for rule authors in {@code rules/FACTS.md}.
 */
package dev.xtreamdoctor.engine.facts;
