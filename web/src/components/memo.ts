import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/**
 * Skips re-rendering while the props are the same objects: a keystroke that makes the config
 * invalid keeps the last good tables, and those must not be rebuilt.
 */
export function memo<P extends object>(
  render: FunctionComponent<P>,
  /** When two sets of props render the same (default: the same objects, key by key). */
  same: (a: P, b: P) => boolean = shallowEqual,
): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next);
    }
    override render(props: P) {
      return h(render, props);
    }
  }
  (Memo as unknown as { displayName: string }).displayName = `Memo(${render.name})`;
  return Memo;
}
