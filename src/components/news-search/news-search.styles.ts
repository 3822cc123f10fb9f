import { css } from 'lit';

export const styles = css`
  .form {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 0.5em;
  }
  input {
    flex: 1;
    min-inline-size: 0;
  }
  .results {
    list-style: none;
    margin: var(--_gap) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  li {
    display: grid;
    gap: 0.2em;
  }
  a {
    font-weight: 600;
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  mark {
    background: var(--portal-mark-color, color-mix(in srgb, var(--_accent) 20%, var(--_surface)));
    color: inherit;
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
    }
  }
`;
