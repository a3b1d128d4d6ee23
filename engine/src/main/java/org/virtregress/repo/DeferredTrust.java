package org.virtregress.repo;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JVM's default trust, made when the first TLS handshake needs it rather than when the HTTP
 * client is built: the default {@link SSLContext} reads and parses the whole trust store (the
 * JDK's {@code cacerts}, about 140 certificates) up front, which a poll of {@code http:} or
 * {@code file:} repositories never uses. The delegate is the default algorithm's trust manager
 * initialised from the default trust store, so it trusts exactly what the default context trusts
 * ({@code javax.net.ssl.trustStore} and its type and password included); host names are still
 * checked by the HTTP client. Thread-safe.
 */
final class DeferredTrust extends X509ExtendedTrustManager {
    private volatile X509ExtendedTrustManager delegate;

    private DeferredTrust() {
    }

    /**
     * The TLS context for the HTTP client: the JVM's default one when a client key store is
     * configured ({@code javax.net.ssl.keyStore}), otherwise one with no client keys (as the
     * default has then) and deferred default trust.
     */
    static SSLContext context() throws NoSuchAlgorithmException {
        if (System.getProperty("javax.net.ssl.keyStore") != null) {
            return SSLContext.getDefault();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        try {
            context.init(null, new TrustManager[] {new DeferredTrust()}, null);
        } catch (java.security.KeyManagementException e) {
            return SSLContext.getDefault();
        }
        return context;
    }

    private X509ExtendedTrustManager delegate() throws CertificateException {
        X509ExtendedTrustManager trust = delegate;
        if (trust == null) {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509ExtendedTrustManager x509) {
                        trust = x509;
                        break;
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException("cannot read the trust store: " + e.getMessage(), e);
            }
            if (trust == null) {
                throw new CertificateException("the default trust manager factory has no X.509 trust manager");
            }
            delegate = trust;
        }
        return trust;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return delegate().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
