// Minimal typings for the parts of better-sqlite3 12 the server uses (@types/better-sqlite3 is not
// installed, and adding a dependency for a dozen signatures is not worth it).
declare module 'better-sqlite3' {
  namespace Database {
    interface RunResult { changes: number; lastInsertRowid: number | bigint }
    interface Statement<P extends unknown[] = unknown[], R = unknown> {
      run(...params: P): RunResult;
      get(...params: P): R | undefined;
      all(...params: P): R[];
      iterate(...params: P): IterableIterator<R>;
      pluck(toggle?: boolean): this;
    }
    interface Transaction<F extends (...args: never[]) => unknown> {
      (...args: Parameters<F>): ReturnType<F>;
      immediate(...args: Parameters<F>): ReturnType<F>;
      deferred(...args: Parameters<F>): ReturnType<F>;
      exclusive(...args: Parameters<F>): ReturnType<F>;
    }
    interface Database {
      prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R>;
      exec(sql: string): this;
      pragma(sql: string, options?: { simple?: boolean }): unknown;
      transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
      close(): this;
      readonly inTransaction: boolean;
      readonly open: boolean;
    }
    interface Options { readonly?: boolean; fileMustExist?: boolean; timeout?: number }
    interface SqliteError extends Error { code: string }
  }
  interface DatabaseConstructor {
    new (filename: string, options?: Database.Options): Database.Database;
    SqliteError: new (message: string, code: string) => Database.SqliteError;
  }
  const Database: DatabaseConstructor;
  export = Database;
}
