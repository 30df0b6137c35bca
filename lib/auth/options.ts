import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { DomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { randomToken } from "@/db/ids";
import { checkCredentials } from "./sign-in";

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions in next-auth v4. Every sign-in mints a new token with a
  // fresh session id (the rotation); membership is re-read from the database on every request.
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          return await checkCredentials(credentials?.email ?? "", credentials?.password ?? "", clientIp(req?.headers));
        } catch (error) {
          // next-auth passes the thrown message to the client as `error`: a stable code, translated there.
          if (error instanceof DomainError) {
            const wait = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
            throw new Error(wait ? `${error.code}:${wait}` : error.code);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = randomToken(16);
        // The account's session generation at sign-in: getSessionUser refuses the token once it is raised.
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.sub, sv: token.sv });
      return session;
    },
  },
};
