/**
 * The events that travel between AlignLab services, one record per JSON Schema under {@code contracts/schemas/}.
 * Field names follow the platform's original design; departures are recorded in {@code docs/decisions/}.
 */
package org.alignlab.contracts.events;
