/**
 * The modules the harness page imports that the bundler provides: the project's components
 * (as compiled for deploy) and the LWC runtime's synthetic shadow.
 */
declare module 'c/*' {
  const component: unknown;
  export default component;
}

declare module '@lwc/synthetic-shadow';
