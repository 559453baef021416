<%-- Starts a session as a login would, with the Cache-Control the combined fix's comment asks for. --%><% session.setAttribute("user", "demo"); response.setHeader("Cache-Control", "no-store"); %>ok
