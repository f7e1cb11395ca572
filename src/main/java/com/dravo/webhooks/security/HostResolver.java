package com.dravo.webhooks.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a DNS name into addresses. Blocking: the address policy calls it off the event loop. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
