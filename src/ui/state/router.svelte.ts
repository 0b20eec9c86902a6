/**
 * Hash routing (#/secrets/...): the app is one static page that works offline and from any path, so routes live in
 * the fragment. A route is a list of decoded path segments.
 */
export class Router {
  segments = $state<string[]>([]);

  constructor() {
    this.read();
    window.addEventListener('hashchange', () => this.read());
  }

  private read(): void {
    const path = window.location.hash.replace(/^#\/?/, '');
    this.segments = path === '' ? [] : path.split('/').map((s) => decodeURIComponent(s));
  }

  go(...segments: string[]): void {
    window.location.hash = `#/${segments.map(encodeURIComponent).join('/')}`;
  }
}

export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
