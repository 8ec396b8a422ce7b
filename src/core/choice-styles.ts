import { css } from 'lit';

/**
 * Choice rows — a poll's options, a complaint category's list answers: `<label class="option">`
 * around a radio or checkbox and its text, the whole row a target, marked when checked; and the
 * "(optional)" note of a question. The accent is the widget's `--_accent`. A module of its own:
 * a `css` sheet is never tree-shaken, and only widgets with choices pay for it.
 */
export const choiceStyles = css`
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.75em;
    align-items: start;
    padding: 0.625em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .option input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin-block-start: 0.125em;
    accent-color: var(--_accent);
  }
  .optional {
    font-weight: 400;
    color: var(--_text-muted);
  }
`;
