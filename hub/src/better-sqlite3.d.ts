/**
 * The part of better-sqlite3's API the server uses (the package ships no types;
 * this avoids another devDependency).
 */
declare module 'better-sqlite3' {
  namespace Database {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement<P extends unknown[] = unknown[], R = unknown> {
      run(...params: P): RunResult;
      get(...params: P): R | undefined;
      all(...params: P): R[];
    }
    interface Database {
      readonly open: boolean;
      prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R>;
      exec(sql: string): this;
      pragma(sql: string, options?: { simple?: boolean }): unknown;
      transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
      close(): this;
    }
  }
  const Database: new (filename: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => Database.Database;
  export default Database;
}
