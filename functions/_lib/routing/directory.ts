import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '../../../src/utils/content-errors.ts';

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
  })
  .superRefine((d, ctx) => {
    const ids = new Set(d.groups.map((g) => g.id));
    d.routes.forEach((r, i) =>
      r.notify.forEach((g, j) => {
        if (!ids.has(g)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'notify', j], message: `no group with id "${g}"` });
      }),
    );
    const phones = d.groups.flatMap((g) => g.members.map((m) => m.phone));
    const twice = phones.find((p, i) => phones.indexOf(p) !== i);
    if (twice) ctx.addIssue({ code: 'custom', path: ['groups'], message: 'a phone number is listed for two members' });
    if (d.routes.at(-1) && Object.keys(d.routes.at(-1)!.when).length) {
      ctx.addIssue({ code: 'custom', path: ['routes'], message: 'the last route must have `when: {}`, so that every tip reaches someone' });
    }
  });

export type Directory = z.output<typeof directorySchema>;
export type Group = Directory['groups'][number];
export type Route = Directory['routes'][number];

export function loadDirectory(file: string): Directory {
  const result = directorySchema.safeParse(parse(readFileSync(file, 'utf8')));
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

/** The responder a phone number belongs to; only numbers in the directory are responders. */
export function responderByPhone(directory: Directory, phoneNumber: string): { name: string; phone: string } | undefined {
  return directory.groups.flatMap((g) => g.members).find((m) => m.phone === phoneNumber);
}
