declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(options: Record<string, unknown>, extra: Record<string, unknown>): Promise<unknown>;
      build(options: Record<string, unknown>, extra: Record<string, unknown>): Promise<unknown>;
    };
  };
  export default webExt;
}
