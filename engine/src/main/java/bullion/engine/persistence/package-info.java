/** Persistence at the edge: which database the journal uses, and its schema, created by Flyway. */
package bullion.engine.persistence;
