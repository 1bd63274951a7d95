/** Clerk's `ClerkPaginatedResponse`: one page of a list plus the size of the whole list. */
export interface PaginatedResponse<T> {
  data: T[];
  total_count: number;
}

/** Clerk's `ClerkPaginationParams`: 1-based page number and page size. */
export interface PaginationParams {
  initialPage?: number;
  pageSize?: number;
}

/** Loads one page; `initialPage` here is the page wanted (1-based). */
export type PageFetcher<T> = (params: { initialPage: number; pageSize: number }) => Promise<PaginatedResponse<T>>;

export interface PaginatedOptions {
  initialPage?: number;
  pageSize?: number;
  /** Infinite mode: `data` accumulates the pages from `initialPage` on and `fetchNext` appends. */
  infinite?: boolean;
  /** Paged mode: keep showing the previous page's data while the next one loads. */
  keepPreviousData?: boolean;
}

/** Clerk's `PaginatedResources<T>` (what `useOrganization().memberships` and friends are). */
export interface PaginatedResources<T> {
  data: T[];
  count: number;
  error: Error | null;
  isLoading: boolean;
  isFetching: boolean;
  isError: boolean;
  page: number;
  pageCount: number;
  fetchPage: (page: number | ((current: number) => number)) => void;
  fetchPrevious: () => void;
  fetchNext: () => void;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  revalidate: () => Promise<void>;
  setData: (
    data?: PaginatedResponse<T> | ((current?: PaginatedResponse<T>) => PaginatedResponse<T> | undefined),
  ) => Promise<PaginatedResponse<T> | undefined>;
}

/** What a disabled list (`memberships` not asked for) looks like: Clerk's defaults, functions undefined. */
export type DisabledPaginatedResources = {
  [K in keyof PaginatedResources<unknown>]: PaginatedResources<unknown>[K] extends boolean
    ? false
    : PaginatedResources<unknown>[K] extends number
      ? number
      : PaginatedResources<unknown>[K] extends unknown[]
        ? never[]
        : K extends 'error'
          ? null
          : undefined;
};

export const DISABLED_PAGINATED_RESOURCES: DisabledPaginatedResources = Object.freeze({
  data: [],
  count: 0,
  error: null,
  isLoading: false,
  isFetching: false,
  isError: false,
  page: 0,
  pageCount: 0,
  fetchPage: undefined,
  fetchPrevious: undefined,
  fetchNext: undefined,
  hasNextPage: false,
  hasPreviousPage: false,
  revalidate: undefined,
  setData: undefined,
}) as DisabledPaginatedResources;

/**
 * One paginated list, outside React: it loads pages through a fetcher and publishes immutable
 * snapshots, so `useSyncExternalStore` can bind it (and tests can drive it without a DOM). Responses
 * that arrive after a newer request was started are dropped, so quick page flips never show a stale
 * page.
 *
 * @example
 * const list = new PaginatedResource((p) => latch.user.getOrganizationMemberships(p), { pageSize: 5 });
 * await list.load(); list.getSnapshot().data; list.getSnapshot().fetchNext();
 */
export class PaginatedResource<T> {
  readonly #fetcher: PageFetcher<T>;
  readonly #pageSize: number;
  readonly #infinite: boolean;
  readonly #keepPreviousData: boolean;
  readonly #listeners = new Set<() => void>();
  /** Loaded pages by number; infinite mode shows pages 1…`#page` in order. */
  readonly #pages = new Map<number, PaginatedResponse<T>>();
  /** Infinite mode shows pages `#firstPage`…`#page`. */
  readonly #firstPage: number;
  #page: number;
  #shownPage: number | null = null;
  #error: Error | null = null;
  #inFlight = 0;
  #generation = 0;
  #settled: Promise<void> = Promise.resolve();
  #snapshot: PaginatedResources<T>;

  constructor(fetcher: PageFetcher<T>, options: PaginatedOptions = {}) {
    this.#fetcher = fetcher;
    this.#pageSize = Math.max(1, Math.floor(options.pageSize ?? 10));
    this.#page = Math.max(1, Math.floor(options.initialPage ?? 1));
    this.#firstPage = this.#page;
    this.#infinite = options.infinite ?? false;
    this.#keepPreviousData = options.keepPreviousData ?? false;
    this.#snapshot = this.#buildSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): PaginatedResources<T> => this.#snapshot;

  /** Loads the current page if it is not loaded yet; resolves when the latest request settled. */
  load(): Promise<void> {
    if (!this.#pages.has(this.#page) && this.#inFlight === 0) this.#fetch(this.#page);
    return this.#settled;
  }

  /** Resolves once every request started so far has settled (tests, event handlers). */
  settled(): Promise<void> {
    return this.#settled;
  }

  #fetch(page: number, options: { dropOthers?: boolean } = {}): void {
    const generation = ++this.#generation;
    this.#inFlight += 1;
    this.#publish();
    const request = this.#fetcher({ initialPage: page, pageSize: this.#pageSize }).then(
      (response) => {
        if (options.dropOthers) this.#pages.clear();
        this.#pages.set(page, { data: [...response.data], total_count: response.total_count });
        if (generation === this.#generation) this.#error = null;
      },
      (error: unknown) => {
        if (generation === this.#generation) this.#error = error instanceof Error ? error : new Error(String(error));
      },
    );
    const done = request.finally(() => {
      this.#inFlight -= 1;
      this.#publish();
    });
    this.#settled = Promise.all([this.#settled, done]).then(() => undefined);
  }

  #goTo(page: number): void {
    const target = Math.max(1, Math.floor(page));
    if (!this.#infinite && this.#pages.has(this.#page)) this.#shownPage = this.#page;
    this.#page = target;
    if (this.#pages.has(target)) {
      this.#publish();
      return;
    }
    this.#fetch(target);
  }

  #fetchPage = (page: number | ((current: number) => number)): void => {
    this.#goTo(typeof page === 'function' ? page(this.#page) : page);
  };

  #fetchNext = (): void => {
    if (this.#hasNextPage()) this.#goTo(this.#page + 1);
  };

  #fetchPrevious = (): void => {
    if (this.#page > (this.#infinite ? this.#firstPage : 1)) this.#goTo(this.#page - 1);
  };

  /** Reloads from the server: the current page (or, in infinite mode, every page shown). */
  #revalidate = async (): Promise<void> => {
    const first = this.#infinite ? this.#firstPage : this.#page;
    const pages = Array.from({ length: this.#page - first + 1 }, (_, index) => first + index);
    for (const page of pages) this.#fetch(page, { dropOthers: page === pages[0] && !this.#infinite });
    await this.#settled;
  };

  #setData = async (
    data?: PaginatedResponse<T> | ((current?: PaginatedResponse<T>) => PaginatedResponse<T> | undefined),
  ): Promise<PaginatedResponse<T> | undefined> => {
    const next = typeof data === 'function' ? data(this.#pages.get(this.#page)) : data;
    if (next) this.#pages.set(this.#page, next);
    else this.#pages.delete(this.#page);
    this.#publish();
    return next;
  };

  #count(): number {
    // The newest response knows the total best; any loaded page will do before that.
    const current = this.#pages.get(this.#page) ?? (this.#shownPage ? this.#pages.get(this.#shownPage) : undefined);
    if (current) return current.total_count;
    let count = 0;
    for (const page of this.#pages.values()) count = page.total_count;
    return count;
  }

  #hasNextPage(): boolean {
    return this.#page * this.#pageSize < this.#count();
  }

  #publish(): void {
    this.#snapshot = this.#buildSnapshot();
    for (const listener of this.#listeners) listener();
  }

  #buildSnapshot(): PaginatedResources<T> {
    const count = this.#count();
    const current = this.#pages.get(this.#page);
    let data: T[];
    if (this.#infinite) {
      data = [];
      for (let page = this.#firstPage; page <= this.#page; page += 1) data.push(...(this.#pages.get(page)?.data ?? []));
    } else {
      const previous = this.#keepPreviousData && this.#shownPage ? this.#pages.get(this.#shownPage) : undefined;
      data = current?.data ?? previous?.data ?? [];
    }
    const isFetching = this.#inFlight > 0;
    return {
      data,
      count,
      error: this.#error,
      isLoading: isFetching && (this.#infinite ? data.length === 0 : !current),
      isFetching,
      isError: this.#error !== null,
      page: this.#page,
      pageCount: Math.ceil(count / this.#pageSize),
      fetchPage: this.#fetchPage,
      fetchPrevious: this.#fetchPrevious,
      fetchNext: this.#fetchNext,
      hasNextPage: this.#page * this.#pageSize < count,
      hasPreviousPage: this.#page > 1,
      revalidate: this.#revalidate,
      setData: this.#setData,
    };
  }
}
