// TypeDoc plugin: a cross-module link written `{@link models!CxMetricsError}` is shown as
// `CxMetricsError`, its name, instead of the declaration reference. Links with their own
// text (`{@link models!X | text}`) are left alone.
import { Converter } from 'typedoc';

/** The name a declaration reference points at: `models!CxMetricsError` → `CxMetricsError`. */
export function linkName(text) {
  const m = /^[\w@/.-]+!([\w$.#~]+)$/.exec(text.trim());
  return m ? m[1].split(/[.#~]/).pop() : undefined;
}

function rename(parts) {
  for (const part of parts ?? []) {
    if (part.kind === 'inline-tag' && (part.tag === '@link' || part.tag === '@linkcode' || part.tag === '@linkplain')) {
      const name = linkName(part.text);
      if (name !== undefined) part.text = name;
    }
  }
}

function renameComment(comment) {
  if (!comment) return;
  rename(comment.summary);
  for (const tag of comment.blockTags ?? []) rename(tag.content);
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const project = context.project;
    for (const reflection of Object.values(project.reflections)) {
      renameComment(reflection.comment);
      for (const signature of reflection.signatures ?? []) {
        renameComment(signature.comment);
        for (const parameter of signature.parameters ?? []) renameComment(parameter.comment);
      }
      if (reflection.readme) rename(reflection.readme);
      if (reflection.content) rename(reflection.content);
    }
    for (const document of project.documents ?? []) rename(document.content);
    // After TypeDoc's link resolver (priority −300): the targets are already found, only the shown text changes.
  }, -400);
}
