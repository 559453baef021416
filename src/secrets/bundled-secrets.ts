/**
 * The bundled list of publicly known secrets (known-secrets.json, sources in README.md beside
 * it), flattened once into candidates that name their group.
 */
import list from './known-secrets.json' with { type: 'json' };
import type { CandidateSecret } from './known-secret-check.js';

interface SecretGroups {
  readonly groups: readonly { readonly source: string; readonly secrets: readonly string[] }[];
}

let flattened: readonly CandidateSecret[] | null = null;

export function bundledSecrets(): readonly CandidateSecret[] {
  flattened ??= (list as SecretGroups).groups.flatMap((group) =>
    group.secrets.map((secret) => ({ secret, source: { list: 'bundled' as const, secret, group: group.source } })),
  );
  return flattened;
}
