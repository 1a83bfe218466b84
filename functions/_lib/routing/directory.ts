import { readFileSync } from 'node:fs';
import { parse, YAMLError } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '../../../src/utils/content-errors.ts';
import { responderKey } from '../crypto.ts';

const phone = z.string().regex(/^\+[0-9]{6,15}$/, 'a phone number in E.164 form, e.g. +85523990001');
const urgency = z.enum(['urgent', 'normal']);
export type Urgency = z.infer<typeof urgency>;

/** The responder directory (see config/responders.example.yaml for what each field means). */
export const directorySchema = z
  .object({
    groups: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
          name: z.string().min(2),
          members: z.array(z.object({ name: z.string().min(2), phone })).min(1),
        }),
      )
      .min(1),
    routes: z
      .array(
        z.object({
          when: z.object({
            countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
            languages: z.array(z.string().min(2)).optional(),
            urgency: z.array(urgency).optional(),
          }),
          notify: z.array(z.string()).min(1),
          ackMinutes: z.number().int().min(1).max(24 * 60),
        }),
      )
      .min(1),
    /**
     * The group told of the line's own trouble: the hourly SMS limit reached, a tip nobody answered,
     * a responder locked out. Default: the last group of the last route.
     */
    alerts: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set(d.groups.map((g) => g.id));
    d.routes.forEach((r, i) =>
      r.notify.forEach((g, j) => {
        if (!ids.has(g)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'notify', j], message: `no group with id "${g}"` });
      }),
    );
    if (d.alerts && !ids.has(d.alerts)) ctx.addIssue({ code: 'custom', path: ['alerts'], message: `no group with id "${d.alerts}"` });
    // One person may belong to several groups, under one name: a number is how the line knows them.
    const names = new Map<string, string>();
    for (const member of d.groups.flatMap((g) => g.members)) {
      if ((names.get(member.phone) ?? member.name) !== member.name) {
        ctx.addIssue({ code: 'custom', path: ['groups'], message: `two people (${names.get(member.phone)}, ${member.name}) have the same phone number` });
      }
      names.set(member.phone, member.name);
    }
    if (d.routes.at(-1) && Object.keys(d.routes.at(-1)!.when).length) {
      ctx.addIssue({ code: 'custom', path: ['routes'], message: 'the last route must have `when: {}`, so that every tip reaches someone' });
    }
  });

export type Directory = z.output<typeof directorySchema>;
export type Group = Directory['groups'][number];
export type Route = Directory['routes'][number];

/**
 * The directory file as data. A YAML error is reported by its place and kind only: the yaml
 * library quotes the lines around it, which hold responders' numbers, and errors reach the logs.
 */
function parseYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    const at = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new Error(`The responder directory ${file} is not valid YAML${at} (${error.code})`);
  }
}

export function loadDirectory(file: string): Directory {
  const result = directorySchema.safeParse(parseYaml(file));
  if (!result.success) {
    throw new Error(`The responder directory ${file} is not valid:\n  ${describeIssues(result.error).join('\n  ')}`);
  }
  return result.data;
}

/** The route a tip takes: the first whose conditions all hold. The last route matches everything. */
export function routeFor(directory: Directory, tip: { country: string | null; locale: string; urgency: Urgency }): { index: number; route: Route } {
  const index = directory.routes.findIndex(({ when }) =>
    (!when.countries || (tip.country !== null && when.countries.includes(tip.country))) &&
    (!when.languages || when.languages.includes(tip.locale)) &&
    (!when.urgency || when.urgency.includes(tip.urgency)),
  );
  return { index, route: directory.routes[index] };
}

/**
 * The route a stored tip was given. If staff have since shortened the directory, the tip falls
 * to the last route, which matches everything, rather than to no one.
 */
export function routeAt(directory: Directory, index: number): Route {
  return directory.routes[Math.min(index, directory.routes.length - 1)];
}

export function groupById(directory: Directory, id: string): Group {
  return directory.groups.find((g) => g.id === id)!;
}

/** The group told of the line's own trouble (see `alerts`). */
export function alertGroup(directory: Directory): Group {
  return groupById(directory, directory.alerts ?? directory.routes.at(-1)!.notify.at(-1)!);
}

/** A responder, as the store names them (`key`, a keyed pseudonym) and as the line reaches them. */
export interface Responder {
  key: string;
  name: string;
  phone: string;
  /** The groups they belong to: they may act on tips routed to these. */
  groups: string[];
}

export interface Responders {
  byKey: Map<string, Responder>;
  byPhone: Map<string, Responder>;
}

/** Every member of the directory, found by number or by the key the store names them by. */
export function indexResponders(directory: Directory, pseudonymKey: Buffer): Responders {
  const byPhone = new Map<string, Responder>();
  for (const group of directory.groups) {
    for (const member of group.members) {
      const known = byPhone.get(member.phone);
      if (known) known.groups.push(group.id);
      else byPhone.set(member.phone, { key: responderKey(member.phone, pseudonymKey), name: member.name, phone: member.phone, groups: [group.id] });
    }
  }
  return { byPhone, byKey: new Map([...byPhone.values()].map((r) => [r.key, r])) };
}
