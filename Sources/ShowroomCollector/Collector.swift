/// The collection service (tracking events, bookings, counted downloads) lives in this module.
public enum Collector {}
