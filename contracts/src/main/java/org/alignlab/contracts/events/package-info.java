/**
 * The events that travel between AlignLab services, one record per JSON Schema under {@code contracts/schemas/}.
 * Field names follow DESIGN.md; departures are recorded in {@code docs/decisions/}.
 */
package org.alignlab.contracts.events;
