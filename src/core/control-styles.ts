import { css } from 'lit';

/**
 * Native controls restyled from tokens; the host page's `button { … }` never reaches here. Apart
 * from styles.ts so that a widget without controls at first render (see `shellStyles`) does not
 * carry them.
 */
export const controlStyles = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    margin: 0;
  }
  /* A field may be narrower than its content (a date and time at large type on a phone): a grid
     or flex row gives it the width there is, and it does not widen the page. */
  input,
  select,
  textarea {
    min-inline-size: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5em 1.25em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary-strong);
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button:hover {
    border-color: var(--_primary-strong);
  }
  .button.primary:hover {
    background: var(--_primary-strong);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .link {
    color: var(--_primary-strong);
    text-decoration: var(--_link-decoration);
  }
  /* Pictures that only decorate (a reward's or a fund's photo; not a poll option's sketch, which
     is what is voted on). Doubled class: a widget's own image rule (the poll's \`.option img\`) must not win. */
  .decorative.decorative {
    display: var(--_decorative-images);
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
  /* A radio or checkbox drawn by its label (a scale point, a star): the native control is
     stretched invisibly over the label, so the whole drawing is its target and the keyboard,
     forms and screen readers use the real control. */
  .drawn-choice {
    position: relative;
  }
  .drawn-choice > input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
`;
