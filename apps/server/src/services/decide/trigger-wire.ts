// Saved triggers on the wire (ISO dates), and a change applied to a saved trigger: the PUT route
// takes any subset of the fields and the result is checked whole.
import type { TriggerDefinition, TriggerInput, TriggerWire } from '@centric/contracts';
import type { SavedTrigger } from '@centric/storage';

export function toTriggerWire(t: SavedTrigger): TriggerWire {
  return {
    triggerId: t.triggerId,
    name: t.name,
    kind: t.kind,
    active: t.active,
    priority: t.priority,
    targeting: t.targeting,
    capping: t.capping,
    content: t.content,
    settings: t.settings,
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
  };
}

/** The saved definition with the given fields replaced (each field whole: no deep merge). */
export function applyChange(current: TriggerDefinition, change: Partial<TriggerInput>): TriggerDefinition {
  return {
    name: change.name ?? current.name,
    kind: change.kind ?? current.kind,
    active: change.active ?? current.active,
    priority: change.priority ?? current.priority,
    targeting: change.targeting ?? current.targeting,
    capping: change.capping ?? current.capping,
    content: change.content ?? current.content,
    settings: change.settings ?? current.settings,
  };
}
