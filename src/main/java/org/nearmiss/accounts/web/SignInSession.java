package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Enrolment;
import org.nearmiss.accounts.SignedIn;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The state of a sign-in in progress, kept in the session between its steps (password, then code or
 * enrolment), and the final step that makes the session signed in under a new id.
 */
@Component
class SignInSession {

    private static final String PENDING = "nearmiss.signin.pending";
    private static final String ENROLMENT = "nearmiss.signin.enrolment";
    private static final String RECOVERY_CODES = "nearmiss.signin.recovery-codes";

    private final SecurityContextRepository contexts;

    SignInSession(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    void passwordAccepted(HttpServletRequest request, AccountId id) {
        request.getSession(true).setAttribute(PENDING, id);
        request.changeSessionId();
    }

    Optional<AccountId> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (AccountId) session.getAttribute(PENDING));
    }

    void enrolment(HttpServletRequest request, Enrolment enrolment) {
        request.getSession(true).setAttribute(ENROLMENT, enrolment);
    }

    Optional<Enrolment> enrolment(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (Enrolment) session.getAttribute(ENROLMENT));
    }

    void recoveryCodes(HttpServletRequest request, List<String> codes) {
        request.getSession(true).setAttribute(RECOVERY_CODES, List.copyOf(codes));
    }

    /** The recovery codes, once: they are removed from the session as they are read. */
    @SuppressWarnings("unchecked")
    List<String> takeRecoveryCodes(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return List.of();
        }
        List<String> codes = (List<String>) session.getAttribute(RECOVERY_CODES);
        session.removeAttribute(RECOVERY_CODES);
        return codes == null ? List.of() : codes;
    }

    /** Ends this session; the next request starts without a sign-in. */
    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** Forgets a sign-in in progress, and says where to start again. */
    String abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
            session.removeAttribute(ENROLMENT);
        }
        return "/login";
    }

    /** Makes the session signed in, under a fresh id. */
    void complete(HttpServletRequest request, HttpServletResponse response, SignedIn who) {
        HttpSession session = request.getSession(true);
        session.removeAttribute(PENDING);
        session.removeAttribute(ENROLMENT);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                who, null, List.of(new SimpleGrantedAuthority(who.role().authority()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
