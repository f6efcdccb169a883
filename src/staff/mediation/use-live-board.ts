/** The board as the server streams it, and whether the stream is live or being tried again. */
import { useEffect, useState } from "preact/hooks";
import type { Board } from "../../shared/api/posts";
import { followBoard } from "../api/staff-api";

export type BoardConnection = "connecting" | "live" | "lost";

export function useLiveBoard(): {
  board: Board | undefined;
  connection: BoardConnection;
  /** A take or close answers the board: shown at once, before the stream says it too. */
  replace: (board: Board) => void;
} {
  const [board, setBoard] = useState<Board>();
  const [connection, setConnection] = useState<BoardConnection>("connecting");
  useEffect(
    () =>
      followBoard({
        onBoard: (next) => {
          setBoard(next);
          setConnection("live");
        },
        onLost: () => setConnection("lost"),
      }),
    [],
  );
  return { board, connection, replace: setBoard };
}
