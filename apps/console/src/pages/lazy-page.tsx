import { useEffect, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Center } from '@mantine/core';
import { Loading } from '../components/Loading';

/**
 * A component whose script is its own chunk, fetched when first needed. Not `React.lazy`: a Suspense
 * boundary reveals what it waited for no sooner than 300 ms after its fallback appeared (React 19
 * throttles reveals), so a screen whose chunk came in 20 ms still appeared 300 ms later and asked
 * for its data only then. Here the screen renders in the very commit after its chunk arrives, and
 * a chunk already loaded renders at once.
 */
export function chunkComponent<Props extends object, Name extends string>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
  fallback: ReactNode,
): ComponentType<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const fetchChunk = () =>
    (loading ??= load().then((module) => {
      loaded = module[name];
      return loaded;
    }));
  function FromChunk(props: Props) {
    const [Component, setComponent] = useState(() => loaded);
    const [failure, setFailure] = useState<Error>();
    useEffect(() => {
      if (Component) return;
      let current = true;
      fetchChunk().then(
        (component) => current && setComponent(() => component),
        (error: unknown) => current && setFailure(error instanceof Error ? error : new Error(String(error))),
      );
      return () => {
        current = false;
      };
    }, [Component]);
    // A chunk that cannot be fetched (a new deployment removed it, the network dropped) goes to the
    // router's error screen, as a failed render would.
    if (failure !== undefined) throw failure;
    return Component ? <Component {...props} /> : fallback;
  }
  return FromChunk;
}

/** A screen loaded when it is first opened: each role's screens are their own chunk (ADR 30). */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): ReactNode {
  const Page = chunkComponent(load, name, <ScreenLoading />);
  return <Page />;
}

function ScreenLoading() {
  return (
    <Center p="xl">
      <Loading />
    </Center>
  );
}
