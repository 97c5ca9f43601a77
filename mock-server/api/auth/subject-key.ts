/** Identifies one identity across tokens: a user and a client of the same name never collide. */
export function subjectKey(identity: { readonly kind: string; readonly tenant: string; readonly subject: string }): string {
  return `${identity.kind}:${identity.tenant}:${identity.subject}`;
}
