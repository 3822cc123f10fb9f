import { css } from 'lit';

export const styles = css`
  /* The box kept from before the tag is defined until the data shows (build/widgets-css.ts reads it for the page's rules). A sidebar's list: a 16:9 player and three videos. */
  :host {
    --_reserve: 36.5rem;
  }
  .player {
    aspect-ratio: 16 / 9;
    border-radius: var(--_radius);
    overflow: hidden;
    background: #000;
  }
  .player > * {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border: 0;
  }
  /* A file that cannot play: the message in the player's black box, in white (contrast 21:1). */
  .player > .video-error {
    display: grid;
    place-content: center;
    box-sizing: border-box;
    padding: 1rem;
    color: #fff;
    text-align: center;
  }
  .video-error a {
    color: inherit;
  }
  button {
    position: relative;
    display: block;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-align: start;
  }
  img,
  .no-poster {
    display: block;
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: var(--_tint);
  }
  .facade img,
  .facade .no-poster {
    block-size: 100%;
  }
  .icon {
    position: absolute;
    inset: 50% auto auto 50%;
    translate: -50% -50%;
    inline-size: 4rem;
    block-size: 4rem;
    border-radius: 50%;
    /* The white triangle needs a dark disc in either scheme. */
    background: light-dark(var(--_accent), #b5121b);
    border: 3px solid #fff;
  }
  .icon::after {
    content: '';
    position: absolute;
    inset: 28% 24% 28% 36%;
    background: #fff;
    clip-path: polygon(0 0, 100% 50%, 0 100%);
  }
  .facade:hover .icon,
  .facade:focus-visible .icon {
    scale: 1.1;
  }
  /* The player clips what overflows its rounded box: the focus ring is drawn inside. */
  .player :focus-visible {
    outline-offset: -5px;
  }
  .featured {
    margin: 0.5em 0 0;
    font-weight: 600;
  }
  /* Its own line, in the heading or without one. */
  .heading {
    display: block;
    margin: var(--_gap) 0 -0.25em;
    font-weight: 700;
    font-size: 1.125em;
  }
  /* The list's own gap from the featured title (its heading may be left out). */
  ul {
    margin-block-start: var(--_gap);
  }
  li button {
    display: grid;
    grid-template-columns: var(--portal-thumb-width, 7rem) 1fr;
    column-gap: 0.75em;
    align-content: start;
    inline-size: 100%;
  }
  li button > :first-child {
    grid-row: span 2;
    border-radius: var(--_radius);
  }
  li button:hover .title {
    text-decoration: underline;
  }
  .title {
    font-weight: 600;
    line-height: 1.35;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  .featured .meta {
    margin-block-start: 0.25em;
  }
  p {
    margin: 0;
  }
  @media (forced-colors: active) {
    .icon,
    .icon::after {
      forced-color-adjust: none;
      background: ButtonText;
      border-color: ButtonFace;
    }
    .icon::after {
      background: ButtonFace;
    }
  }
`;
