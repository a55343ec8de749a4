// "Model notes": what the faithful reference model does that an analyst should know.
import { modelNotes, strings, type Lang } from '../../i18n';

export function ModelNotes({ lang }: { lang: Lang }) {
  const t = strings[lang];
  return (
    <section class="notes" id="model-notes" aria-labelledby="model-notes-title">
      <h2 id="model-notes-title">{t.notesTitle}</h2>
      <p class="hint">{t.notesIntro}</p>
      <ol>
        {modelNotes.map((note) => (
          <li key={note.id} id={`note-${note.id}`}>
            <strong class="note-id">{note.id}</strong> {note.text[lang]}
            {note.effect && <span class="effect"> {note.effect[lang]}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
